import Registry
import Threads

/// Envelopes of current documents (the body `DocumentResponse.make` writes), by key, each for
/// the revision and digest it was made of, so a product answered again and again is not encoded
/// again for each request. An entry serves only a document of the same revision and digest, so
/// it is never stale: what is current is the current-revision cache's call.
final class EnvelopeCache: Sendable {
    private struct Entry {
        var revision: Int
        var digest: String
        var body: [UInt8]
    }

    private let entries = SharedTable<String, Entry>(capacity: 4_096)

    /// The envelope of `stored`, made by `make` unless one of the same revision and digest is held.
    func body(of stored: StoredDocument, make: () -> [UInt8]) -> [UInt8] {
        if let entry = entries.value(for: stored.key), entry.revision == stored.revision, entry.digest == stored.digest {
            return entry.body
        }
        let body = make()
        entries.store(Entry(revision: stored.revision, digest: stored.digest, body: body), for: stored.key)
        return body
    }
}
