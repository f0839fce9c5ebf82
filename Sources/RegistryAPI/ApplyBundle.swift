import JSON
import Registry

/// The body of `POST /api/v1/apply`: `{"documents": [{"path": …, "content": …}]}`, each content
/// a file's text and each path where it lives in the domain's repository (its extension picks
/// JSON or YAML, and every problem is reported at `path:line:column`).
public struct ApplyBundle: Sendable {
    public static let maximumDocuments = 5_000
    /// The documents' text, in total; the request body is bounded by the server's limit too.
    public static let maximumBytes = 8 << 20

    public var documents: [(path: String, content: String)]

    public init(documents: [(path: String, content: String)]) {
        self.documents = documents
    }

    /// Reads a bundle's JSON; a wrong shape is 400 `invalid-bundle`, too much is 413 `bundle-too-large`.
    public init(body: [UInt8]) throws(APIError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw APIError(.badRequest, "invalid-bundle", "the bundle is not JSON (\(error.line):\(error.column): \(error.message)); send {\"documents\": [{\"path\": …, \"content\": …}]}")
        }
        guard let items = json["documents"]?.arrayValue else {
            throw APIError(.badRequest, "invalid-bundle", "the bundle needs /documents, an array of {\"path\": …, \"content\": …}")
        }
        // The shape first: a malformed bundle is a 400 whatever its size (the body limit bounds the walk).
        var documents: [(path: String, content: String)] = []
        var bytes = 0
        for (index, item) in items.enumerated() {
            guard let path = item["path"]?.stringValue, !path.isEmpty, let content = item["content"]?.stringValue else {
                throw APIError(.badRequest, "invalid-bundle", "/documents/\(index) needs a non-empty string \"path\" and a string \"content\" (the file's text)")
            }
            bytes += content.utf8.count
            documents.append((path, content))
        }
        guard items.count <= Self.maximumDocuments else {
            throw APIError(.contentTooLarge, "bundle-too-large", "the bundle holds \(items.count) documents; at most \(Self.maximumDocuments) are applied at once: split the tree (e.g. one bundle per domain)")
        }
        guard bytes <= Self.maximumBytes else {
            throw APIError(.contentTooLarge, "bundle-too-large", "the bundle's documents hold \(bytes) bytes; at most \(Self.maximumBytes) are applied at once: split the tree (e.g. one bundle per domain)")
        }
        self.documents = documents
    }

    /// The bundle as sent.
    public var json: JSONValue {
        ["documents": .array(documents.map { ["path": .string($0.path), "content": .string($0.content)] })]
    }

    /// Every document parsed, or one error naming every one that does not parse.
    public func submissions() throws(RegistryError) -> [DocumentSubmission] {
        var submissions: [DocumentSubmission] = []
        var errors: [RegistryError] = []
        for document in documents {
            do {
                submissions.append(try DocumentSubmission.decode(Array(document.content.utf8), path: document.path))
            } catch {
                errors.append(error)
            }
        }
        if let error = RegistryError.merged(errors, total: documents.count) { throw error }
        return submissions
    }
}
