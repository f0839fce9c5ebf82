import HTTPProtocol
import JSON
import Registry

/// Responses carrying a stored document in its envelope, with its revision as the ETag.
enum DocumentResponse {
    /// The document in its envelope; `extra` members follow the metadata, in order.
    static func make(_ stored: StoredDocument, status: HTTPStatus = .ok, extra: [(key: String, value: JSONValue)] = []) -> HTTPResponse {
        response(envelope(stored, extra: extra), status: status, revision: stored.revision)
    }

    /// The plain envelope of a current document, from `envelopes` when it holds this revision's.
    static func make(_ stored: StoredDocument, envelopes: EnvelopeCache) -> HTTPResponse {
        envelopes.response(of: stored) { make(stored) }
    }

    private static func response(_ body: [UInt8], status: HTTPStatus, revision: Int) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body)
        response.headers.add(name: "ETag", value: etag(revision))
        return response
    }

    /// The envelope as JSON; the stored document text is spliced in as is, never parsed and re-encoded.
    private static func envelope(_ stored: StoredDocument, extra: [(key: String, value: JSONValue)]) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(stored.documentText.utf8.count + 320)
        for (index, member) in (stored.metadata + extra).enumerated() {
            body.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            JSONValue.string(member.key).write(to: &body)
            body.append(UInt8(ascii: ":"))
            member.value.write(to: &body)
        }
        body.append(contentsOf: #","document":"#.utf8)
        body.append(contentsOf: stored.documentText.utf8)
        body.append(UInt8(ascii: "}"))
        return body
    }

    /// 201 with `Location` for a created document, 200 otherwise; the body is the stored envelope
    /// plus what the write did.
    static func written(_ result: WriteResult, location: String) -> HTTPResponse {
        guard let stored = result.stored else { preconditionFailure("writes of domains, products and contracts return what they stored") }
        var extra: [(key: String, value: JSONValue)] = [("change", .string(result.change.rawValue))]
        if !result.warnings.isEmpty { extra.append(("warnings", .array(result.warnings.map(\.json)))) }
        var response = make(stored, status: result.change == .created ? .created : .ok, extra: extra)
        if result.change == .created { response.headers.add(name: "Location", value: location) }
        return response
    }

    static func etag(_ revision: Int) -> String { "\"\(revision)\"" }

    /// The revision an `If-Match` header names, nil when absent; `*` matches any existing revision.
    static func expectedRevision(_ request: HTTPRequest) throws(APIError) -> Int? {
        guard let header = request.headers["If-Match"].map({ String($0.trimmingOptionalWhitespace) }) else { return nil }
        if header == "*" { return nil }
        let tag = header.hasPrefix("W/") ? String(header.dropFirst(2)) : header
        guard tag.count >= 3, tag.first == "\"", tag.last == "\"", let revision = Int(tag.dropFirst().dropLast()) else {
            throw APIError(.badRequest, "invalid-if-match", "If-Match must be an ETag this API sent, like \"3\"; got \(header)")
        }
        return revision
    }
}
