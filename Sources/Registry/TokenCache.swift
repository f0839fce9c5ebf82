import Dispatch
import Threads

/// Recently authenticated tokens, by SHA-256 digest, so a request needs no database read to
/// authenticate. Entries live `lifetime`; a revocation in this process empties the cache at once,
/// one made by another process (the CLI on the same file) takes effect within `lifetime`.
/// Entries are striped by digest, so concurrent requests rarely queue on one lock and a token
/// a worker authenticated is found by an event loop.
final class TokenCache: Sendable {
    private struct Entry {
        var principal: Principal
        var expiresAt: UInt64
    }

    private let entries = StripedMutex<[String: Entry]> { [:] }
    private let lifetimeNanoseconds: UInt64
    /// Most entries in one stripe.
    private let capacity: Int

    init(lifetimeSeconds: UInt64 = 10, capacity: Int = 10_000) {
        self.lifetimeNanoseconds = lifetimeSeconds * 1_000_000_000
        self.capacity = max(1, capacity / entries.stripeCount)
    }

    func principal(forDigest digest: String) -> Principal? {
        let now = DispatchTime.now().uptimeNanoseconds
        return entries.withLock(for: digest) { entries in
            guard let entry = entries[digest] else { return nil }
            if entry.expiresAt < now {
                entries[digest] = nil
                return nil
            }
            return entry.principal
        }
    }

    func remember(_ principal: Principal, forDigest digest: String) {
        let expiresAt = DispatchTime.now().uptimeNanoseconds + lifetimeNanoseconds
        entries.withLock(for: digest) { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[digest] = Entry(principal: principal, expiresAt: expiresAt)
        }
    }

    func removeAll() {
        entries.forEach { $0.removeAll() }
    }
}
