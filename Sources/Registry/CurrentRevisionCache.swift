import Threads

/// The current revisions of domains, products and contracts by kind and key, for a registry
/// that hears every commit (docs/ARCHITECTURE.md, "Caches and other writers"): it is emptied
/// after each commit of this process and whenever another process may have committed, so what
/// it holds is what the database holds. A reader notes the generation before it reads the
/// database and stores what it read only if no commit emptied the cache meanwhile: a revision
/// read before a commit is never kept after it. Read under a shared lock, so the event loops
/// and workers reading one busy document never queue on each other. Emptied when full.
final class CurrentRevisionCache: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var documents: [Key: StoredDocument] = [:]
    }

    struct Key: Hashable, Sendable {
        var kind: WriteResult.Kind
        var key: String
    }

    private let state = ReadWriteLock(State())
    /// Most documents held.
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    func document(_ key: Key) -> StoredDocument? {
        state.read { $0.documents[key] }
    }

    /// The generation to pass to `remember` for what is read from now on.
    var generation: UInt64 {
        state.read(\.generation)
    }

    /// Keeps `document`, read from the database after `generation` was noted, unless a commit came since.
    func remember(_ document: StoredDocument, as key: Key, readIn generation: UInt64) {
        state.write { state in
            guard state.generation == generation else { return }
            if state.documents.count >= capacity { state.documents.removeAll(keepingCapacity: true) }
            state.documents[key] = document
        }
    }

    /// Forgets everything: something was committed, here or elsewhere.
    func removeAll() {
        state.write { state in
            state.generation &+= 1
            state.documents.removeAll(keepingCapacity: true)
        }
    }
}
