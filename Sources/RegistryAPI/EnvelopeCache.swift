import HTTPProtocol
import Registry
import Threads

/// Answers carrying the envelopes of current documents (what `DocumentResponse.make` makes), by
/// key, each for the revision and digest it was made of, so a product answered again and again
/// is not encoded again for each request. An entry serves only a document of the same revision and digest, so
/// it is never stale: what is current is the current-revision cache's call.
final class EnvelopeCache: Sendable {
    private struct Entry {
        var revision: Int
        var digest: String
        var response: HTTPResponse
    }

    private let entries = SharedTable<String, Entry>(capacity: 4_096)

    /// The answer carrying `stored`'s envelope, made by `make` unless one of the same revision
    /// and digest is held: its body and header fields are then made once, not per request.
    func response(of stored: StoredDocument, make: () -> HTTPResponse) -> HTTPResponse {
        if let entry = entries.value(for: stored.key), entry.revision == stored.revision, entry.digest == stored.digest {
            return entry.response
        }
        let response = make()
        entries.store(Entry(revision: stored.revision, digest: stored.digest, response: response), for: stored.key)
        return response
    }
}
