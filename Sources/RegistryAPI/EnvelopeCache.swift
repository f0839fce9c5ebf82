import Registry
import Threads

/// Envelopes of current documents (the body `DocumentResponse.make` writes), by key, each for
/// the revision and digest it was made of, so a product answered again and again is not encoded
/// again for each request. An entry serves only a document of the same revision and digest, so
/// it is never stale: what is current is the current-revision cache's call. Read under a shared
/// lock like the other caches; emptied when it holds `capacity` bodies.
final class EnvelopeCache: Sendable {
    private struct Entry {
        var revision: Int
        var digest: String
        var body: [UInt8]
    }

    private let entries = ReadWriteLock<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = max(1, capacity)
    }

    /// The envelope of `stored`, made by `make` unless one of the same revision and digest is held.
    func body(of stored: StoredDocument, make: () -> [UInt8]) -> [UInt8] {
        if let entry = entries.read({ $0[stored.key] }), entry.revision == stored.revision, entry.digest == stored.digest {
            return entry.body
        }
        let body = make()
        // What a full table drops comes back out of the lock and is freed after it.
        _ = entries.write { entries -> [String: Entry] in
            var dropped: [String: Entry] = [:]
            if entries.count >= capacity { swap(&dropped, &entries) }
            entries[stored.key] = Entry(revision: stored.revision, digest: stored.digest, body: body)
            return dropped
        }
        return body
    }
}
