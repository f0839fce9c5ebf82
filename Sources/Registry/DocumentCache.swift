import JSON
import MeshModel
import Synchronization

/// Stored documents already parsed, by the digest of their canonical JSON, shared by every
/// transaction. A digest names one content, so an entry is never stale, and a rolled-back write
/// leaves nothing wrong behind. Bounded: emptied when it reaches `capacity` entries.
final class DocumentCache: Sendable {
    private struct Entries {
        var documents: [String: JSONValue] = [:]
        var contracts: [String: DataContract] = [:]
    }

    private let entries = Mutex(Entries())
    let capacity: Int

    init(capacity: Int = 4_096) { self.capacity = capacity }

    /// The document with `digest`, parsed by `load` the first time.
    func document(_ digest: String, load: () throws -> JSONValue?) rethrows -> JSONValue? {
        if let cached = entries.withLock({ $0.documents[digest] }) { return cached }
        guard let document = try load() else { return nil }
        entries.withLock { entries in
            if entries.documents.count >= capacity { entries.documents.removeAll(keepingCapacity: true) }
            entries.documents[digest] = document
        }
        return document
    }

    /// The contract with `digest`, typed by `load` the first time.
    func contract(_ digest: String, load: () throws -> DataContract?) rethrows -> DataContract? {
        if let cached = entries.withLock({ $0.contracts[digest] }) { return cached }
        guard let contract = try load() else { return nil }
        remember(contract, digest: digest)
        return contract
    }

    /// Keeps a contract just written, so the reads after the write need not parse it.
    func remember(_ contract: DataContract, digest: String) {
        entries.withLock { entries in
            if entries.contracts.count >= capacity { entries.contracts.removeAll(keepingCapacity: true) }
            entries.contracts[digest] = contract
        }
    }
}
