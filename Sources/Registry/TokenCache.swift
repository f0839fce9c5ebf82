import Dispatch
import Threads

/// Recently authenticated tokens, by SHA-256 digest, so a request needs no database read to
/// authenticate. Entries live `lifetime`; a revocation in this process empties the cache at once,
/// one made by another process as soon as a serving registry hears of it (docs/ARCHITECTURE.md,
/// "Caches and other writers"), else within `lifetime`.
/// Requests read it under a shared lock, so the event loops and workers checking one busy token
/// never queue on each other, and a token a worker authenticated is found by an event loop.
final class TokenCache: Sendable {
    private struct Entry {
        var principal: Principal
        var expiresAt: UInt64
    }

    private let entries = ReadWriteLock<[String: Entry]>([:])
    private let lifetimeNanoseconds: UInt64
    /// Most entries held; a full cache is emptied.
    private let capacity: Int

    init(lifetimeSeconds: UInt64 = 10, capacity: Int = 10_000) {
        self.lifetimeNanoseconds = lifetimeSeconds * 1_000_000_000
        self.capacity = max(1, capacity)
    }

    func principal(forDigest digest: String) -> Principal? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard let entry = entries.read({ $0[digest] }) else { return nil }
        if entry.expiresAt < now {
            entries.write { entries in
                if let current = entries[digest], current.expiresAt < now { entries[digest] = nil }
            }
            return nil
        }
        return entry.principal
    }

    func remember(_ principal: Principal, forDigest digest: String) {
        let expiresAt = DispatchTime.now().uptimeNanoseconds + lifetimeNanoseconds
        entries.write { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[digest] = Entry(principal: principal, expiresAt: expiresAt)
        }
    }

    func removeAll() {
        entries.write { $0.removeAll() }
    }
}
