import Dispatch
import Threads

/// Recently authenticated tokens, by SHA-256 digest, so a request needs no database read to
/// authenticate. Entries live `lifetime`; a revocation in this process empties the cache at once,
/// one made by another process as soon as a serving registry hears of it (docs/ARCHITECTURE.md,
/// "Caches and other writers"), else within `lifetime`.
/// A token read from the database is kept only if the cache was not emptied while it was read.
/// Requests read it under a shared lock, so the event loops and workers checking one busy token
/// never queue on each other, and a token a worker authenticated is found by an event loop.
final class TokenCache: Sendable {
    private struct Entry {
        var principal: Principal
        var expiresAt: UInt64
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    private let state = ReadWriteLock(State())
    private let lifetimeNanoseconds: UInt64
    /// Most entries held; a full cache is emptied.
    private let capacity: Int

    init(lifetimeSeconds: UInt64 = 10, capacity: Int = 10_000) {
        self.lifetimeNanoseconds = lifetimeSeconds * 1_000_000_000
        self.capacity = max(1, capacity)
    }

    func principal(forDigest digest: String) -> Principal? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard let entry = state.read({ $0.entries[digest] }) else { return nil }
        if entry.expiresAt < now {
            state.write { state in
                if let current = state.entries[digest], current.expiresAt < now { state.entries[digest] = nil }
            }
            return nil
        }
        return entry.principal
    }

    /// The generation to pass to `remember` for what is read from the database from now on.
    var generation: UInt64 {
        state.read(\.generation)
    }

    /// Keeps `principal`, read after `generation` was noted, unless the cache was emptied since:
    /// a token read just before its revocation committed is not kept after it.
    func remember(_ principal: Principal, forDigest digest: String, readIn generation: UInt64) {
        let expiresAt = DispatchTime.now().uptimeNanoseconds + lifetimeNanoseconds
        state.write { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[digest] = Entry(principal: principal, expiresAt: expiresAt)
        }
    }

    func removeAll() {
        state.write { state in
            state.generation &+= 1
            state.entries.removeAll()
        }
    }
}
