import HTTPProtocol
import JSON
import Registry

/// What a handler gets: the request, the route's parameters and the authenticated principal.
public struct RequestContext: Sendable {
    public let request: HTTPRequest
    public let parameters: PathParameters
    /// The caller; nil only on open routes.
    public let principal: Principal?

    /// A path parameter the route template guarantees.
    public func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The caller, for routes that require authentication.
    public var actor: Principal {
        get throws(APIError) {
            guard let principal else { throw APIError(.unauthorized, "unauthenticated", "this endpoint needs a token") }
            return principal
        }
    }

    /// A positive integer query parameter, or nil when absent.
    public func integerQuery(_ name: String, maximum: Int = .max) throws(APIError) -> Int? {
        guard let text = request.queryValue(name) else { return nil }
        guard let value = Int(text), value > 0, value <= maximum else {
            throw APIError(.badRequest, "invalid-parameter", "the query parameter \(name) must be a whole number from 1 to \(maximum), not '\(text)'")
        }
        return value
    }

    /// A query parameter that must be one of `choices`, or nil when absent.
    public func choiceQuery(_ name: String, from choices: [String]) throws(APIError) -> String? {
        guard let text = request.queryValue(name) else { return nil }
        guard choices.contains(text) else {
            throw APIError(.badRequest, "invalid-parameter", "the query parameter \(name) must be one of \(choices.joined(separator: ", ")), not '\(text)'")
        }
        return text
    }

    /// A `true`/`false` query parameter; false when absent.
    public func booleanQuery(_ name: String) throws(APIError) -> Bool {
        switch request.queryValue(name) {
        case nil, "false": return false
        case "true": return true
        case let text?: throw APIError(.badRequest, "invalid-parameter", "the query parameter \(name) must be true or false, not '\(text)'")
        }
    }

    /// The media type of a Content-Type value, lowercased, without parameters.
    static func mediaType(_ contentType: String) -> String {
        contentType.prefix { $0 != ";" }.trimmingOptionalWhitespace.lowercased()
    }

    /// The body as a document submission, by its Content-Type (JSON or YAML).
    public func document() throws -> DocumentSubmission {
        guard !request.body.isEmpty else {
            throw APIError(.badRequest, "empty-body", "the request has no body; send the document as JSON or YAML")
        }
        let contentType = request.headers["Content-Type"].map(Self.mediaType) ?? ""
        let mediaType: DocumentSubmission.MediaType
        switch contentType {
        case "application/json", "application/vnd.schemaregistry.v1+json": mediaType = .json
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml": mediaType = .yaml
        case "": mediaType = DocumentSubmission.firstSignificantByte(of: request.body) == UInt8(ascii: "{") ? .json : .yaml
        default:
            throw APIError(.unsupportedMediaType, "unsupported-media-type",
                           "Content-Type \(contentType) is not supported; send application/json or application/yaml")
        }
        return try DocumentSubmission.decode(request.body, mediaType: mediaType, source: "request body")
    }
}
