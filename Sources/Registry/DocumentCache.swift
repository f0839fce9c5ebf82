import JSON
import MeshModel
import Synchronization

/// Values derived from stored documents, by the digest of the document's canonical JSON, shared
/// by every transaction. A digest names one content, so an entry is never stale, and a
/// rolled-back write leaves nothing wrong behind. Bounded: emptied when it reaches `capacity`.
final class DigestCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    let capacity: Int

    init(capacity: Int = 4_096) { self.capacity = capacity }

    /// The value for `digest`, made by `load` the first time.
    func value(_ digest: String, load: () throws -> Value?) rethrows -> Value? {
        if let cached = entries.withLock({ $0[digest] }) { return cached }
        guard let value = try load() else { return nil }
        remember(value, digest: digest)
        return value
    }

    /// Keeps a value just written, so the reads after the write need not make it again.
    func remember(_ value: Value, digest: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[digest] = value
        }
    }
}

/// The registry's parsed documents: their JSON, and contracts typed from it.
struct DocumentCache: Sendable {
    let json = DigestCache<JSONValue>()
    /// Room for every contract version of a large mesh: each product write reads the contracts
    /// its ports name, and an apply publishes all contracts before any product.
    let contracts = DigestCache<DataContract>(capacity: 16_384)
}
