import Dispatch
import Threads

/// The current revisions of domains, products and contracts by kind and key, for a registry
/// that hears every commit (docs/ARCHITECTURE.md, "Caches and other writers").
///
/// - It is bypassed while a write of this process runs (`writeBegins` to `writeEnds`, which
///   brackets the commit), so no reader here sees a commit in the database and an older
///   revision in memory, and emptied when the write ends.
/// - It is emptied whenever another process may have committed (`removeAll`).
/// - Each entry lives `lifetimeSeconds` at most, in case news of a commit is lost.
///
/// A reader notes the generation before it reads the database and stores what it read only if
/// nothing ended or began meanwhile: a revision read before a commit is never kept after it.
/// Read under a shared lock, so the event loops and workers reading one busy document never
/// queue on each other. Bounded in bytes; a document over `largestDocument` is not kept.
final class CurrentRevisionCache: Sendable {
    struct Key: Hashable, Sendable {
        var kind: WriteResult.Kind
        var key: String
    }

    private struct Entry {
        var document: StoredDocument
        var expiresAt: UInt64
    }

    private struct State {
        var generation: UInt64 = 0
        var writesInFlight = 0
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    private let state = ReadWriteLock(State())
    private let capacityBytes: Int
    private let largestDocument: Int
    private let lifetimeNanoseconds: UInt64

    init(capacityBytes: Int = 64 << 20, largestDocument: Int = 1 << 20, lifetimeSeconds: UInt64 = 10) {
        self.capacityBytes = capacityBytes
        self.largestDocument = largestDocument
        self.lifetimeNanoseconds = lifetimeSeconds * 1_000_000_000
    }

    /// The cached revision, or nil when there is none, it has expired, or a write is running.
    func document(_ key: Key) -> StoredDocument? {
        let now = DispatchTime.now().uptimeNanoseconds
        return state.read { state in
            guard state.writesInFlight == 0, let entry = state.entries[key], entry.expiresAt > now else { return nil }
            return entry.document
        }
    }

    /// The generation to pass to `remember` for what is read from now on.
    var generation: UInt64 {
        state.read(\.generation)
    }

    /// Keeps `document`, read from the database after `generation` was noted, unless a write
    /// began or ended since.
    func remember(_ document: StoredDocument, as key: Key, readIn generation: UInt64) {
        let size = document.documentText.utf8.count
        guard size <= largestDocument else { return }
        let expiresAt = DispatchTime.now().uptimeNanoseconds + lifetimeNanoseconds
        // What a full cache drops comes back out of the lock and is freed when discarded, after it.
        _ = state.write { state -> [Key: Entry] in
            guard state.generation == generation, state.writesInFlight == 0 else { return [:] }
            var dropped: [Key: Entry] = [:]
            if state.bytes + size > capacityBytes { (dropped, state.bytes) = (state.entries, 0); state.entries = [:] }
            state.bytes += size - (state.entries[key]?.document.documentText.utf8.count ?? 0)
            state.entries[key] = Entry(document: document, expiresAt: expiresAt)
            return dropped
        }
    }

    /// A write of this process starts: nothing is served or stored until it ends.
    func writeBegins() {
        state.write { state in
            state.generation &+= 1
            state.writesInFlight += 1
        }
    }

    /// A write of this process has committed or failed: what was held may be stale.
    func writeEnds() {
        _ = state.write { state in
            state.writesInFlight -= 1
            return Self.empty(&state)
        }
    }

    /// Forgets everything: another process may have committed.
    func removeAll() {
        _ = state.write { Self.empty(&$0) }
    }

    /// Empties `state` under the lock and hands the entries back, to be freed after it (a large
    /// table freed under the lock would hold up every event loop waiting to read).
    private static func empty(_ state: inout State) -> [Key: Entry] {
        state.generation &+= 1
        state.bytes = 0
        defer { state.entries = [:] }
        return state.entries
    }
}
