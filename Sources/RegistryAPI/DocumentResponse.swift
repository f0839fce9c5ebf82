import Foundation
import HTTPProtocol
import JSON
import Registry

/// Responses carrying a stored document in its envelope, with its revision as the ETag.
enum DocumentResponse {
    static func make(_ stored: StoredDocument, status: HTTPStatus = .ok, extra: JSONObject = JSONObject()) -> HTTPResponse {
        guard case .object(var envelope) = stored.envelope else { return .json(stored.envelope, status: status) }
        for (key, value) in extra { envelope[key] = value }
        var response = HTTPResponse.json(.object(envelope), status: status)
        response.headers.add(name: "ETag", value: etag(stored.revision))
        return response
    }

    /// 201 with `Location` for a created document, 200 otherwise; the body is the stored envelope
    /// plus what the write did.
    static func written(_ result: WriteResult, stored: StoredDocument, location: String) -> HTTPResponse {
        var response = make(stored, status: result.change == .created ? .created : .ok, extra: ["change": .string(result.change.rawValue)])
        if result.change == .created { response.headers.add(name: "Location", value: location) }
        return response
    }

    static func etag(_ revision: Int) -> String { "\"\(revision)\"" }

    /// The revision an `If-Match` header names, nil when absent; `*` matches any existing revision.
    static func expectedRevision(_ request: HTTPRequest) throws(APIError) -> Int? {
        guard let header = request.headers["If-Match"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if header == "*" { return nil }
        let tag = header.hasPrefix("W/") ? String(header.dropFirst(2)) : header
        guard tag.count >= 3, tag.first == "\"", tag.last == "\"", let revision = Int(tag.dropFirst().dropLast()) else {
            throw APIError(.badRequest, "invalid-if-match", "If-Match must be an ETag this API sent, like \"3\"; got \(header)")
        }
        return revision
    }
}
