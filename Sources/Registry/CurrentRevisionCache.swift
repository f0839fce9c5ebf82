/// The current revisions of domains, products and contracts by kind and key, for a registry
/// that hears every commit (docs/ARCHITECTURE.md, "Caches and other writers"): a
/// `GenerationCache` bounded by the bytes of document text, bypassed while a write of this
/// process runs (`CacheBypassingWrites`) and emptied when another process may have committed.
/// A document over `largestDocument` bytes is not kept.
final class CurrentRevisionCache: Sendable {
    struct Key: Hashable, Sendable {
        var kind: WriteResult.Kind
        var key: String
    }

    private let documents: GenerationCache<Key, StoredDocument>

    init(capacityBytes: Int = 64 << 20, largestDocument: Int = 1 << 20, lifetimeSeconds: UInt64 = 10) {
        documents = GenerationCache(capacity: capacityBytes, largestCost: largestDocument, lifetimeSeconds: lifetimeSeconds) {
            $0.documentText.utf8.count
        }
    }

    /// The cached revision, or nil when there is none, it has expired, or a write is running.
    func document(_ key: Key) -> StoredDocument? { documents.value(for: key) }

    /// The cached revision, else what `read` finds, kept unless a write began or ended meanwhile.
    func document<Failure: Error>(_ key: Key, orRead read: () throws(Failure) -> StoredDocument?) throws(Failure) -> StoredDocument? {
        try documents.value(for: key, orRead: read)
    }

    var generation: UInt64 { documents.generation }

    /// Keeps `document`, read after `generation` was noted, unless a write began or ended since.
    func remember(_ document: StoredDocument, as key: Key, readIn generation: UInt64) {
        documents.remember(document, for: key, readIn: generation)
    }

    func writeBegins() { documents.writeBegins() }
    func writeEnds() { documents.writeEnds() }
    func removeAll() { documents.removeAll() }
}
