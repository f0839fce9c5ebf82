import HTTPProtocol
import JSON
import Registry

/// Errors as `application/problem+json` (RFC 9457) with a stable `code`, mapped once for the API.
public enum ProblemResponse {
    public static func make(status: HTTPStatus, code: String, detail: String, extra: JSONObject = JSONObject()) -> HTTPResponse {
        var body = JSONObject()
        body["type"] = .string("urn:meshreg:problem:\(code)")
        body["title"] = .string(status.reasonPhrase)
        body["status"] = .integer(Int64(status.code))
        body["code"] = .string(code)
        body["detail"] = .string(detail)
        for (key, value) in extra { body[key] = value }
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/problem+json")]),
                            body: Array(JSONValue.object(body).encoded().utf8))
    }

    public static func make(_ error: APIError) -> HTTPResponse {
        make(status: error.status, code: error.code, detail: error.message)
    }

    /// The answer to a server failure: its summary and the request id, never its cause.
    static func make(_ failure: ServerFailure, requestID: String) -> HTTPResponse {
        make(status: failure.status, code: failure.code,
             detail: "\(failure.summary); the server's log has the cause under request id \(requestID)",
             extra: ["requestId": .string(requestID)])
    }

    /// A registry refusal at its usual status, or at `status` where an API answers otherwise
    /// (Marquez's 400 for an invalid OpenLineage event); the body's `status` always matches.
    public static func make(_ error: RegistryError, status: HTTPStatus? = nil) -> HTTPResponse {
        var extra = JSONObject()
        if !error.issues.isEmpty {
            extra["issues"] = .array(error.issues.map { located in
                var issue: JSONObject = JSONObject()
                issue["pointer"] = .string(located.issue.pointer.description)
                issue["code"] = .string(located.issue.code)
                issue["message"] = .string(located.issue.message)
                if let source = located.source { issue["location"] = .string(source) }
                return .object(issue)
            })
        }
        if !error.dependants.isEmpty { extra["dependants"] = .array(error.dependants.map(JSONValue.string)) }
        for (key, value) in error.details { extra[key] = value }
        var response = make(status: status ?? Self.status(for: error), code: error.code.rawValue, detail: error.message, extra: extra)
        if error.code == .busy || error.code == .unavailable { response.headers.add(name: "Retry-After", value: "1") }
        return response
    }

    /// The HTTP status of a registry refusal. A body that does not parse is 400; a document that
    /// parses but breaks the rules is 422.
    static func status(for error: RegistryError) -> HTTPStatus {
        switch error.code {
        case .invalidDocument: error.issues.contains { $0.issue.code == "syntax" } ? .badRequest : .unprocessableContent
        case .unresolvedReference: .unprocessableContent
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .immutableVersion, .hasDependants, .conflict, .incompatible: .conflict
        case .versionTooSmall, .policyViolation: .unprocessableContent
        case .preconditionFailed: HTTPStatus(code: 412)
        case .busy, .unavailable: .serviceUnavailable
        case .storageFailure: .internalServerError
        }
    }
}

extension HTTPResponse {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Array(value.encoded().utf8))
    }
}
