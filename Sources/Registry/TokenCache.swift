/// Recently authenticated tokens, by SHA-256 digest, so a request needs no database read to
/// authenticate: a `GenerationCache` of at most `capacity` principals, each kept `lifetime`. A
/// revocation in this process empties it at once, one made by another process as soon as a
/// serving registry hears of it (docs/ARCHITECTURE.md, "Caches and other writers"), else within
/// `lifetime`; a token read just before its revocation committed is not kept after it. Shared by
/// the event loops and workers: a token a worker authenticated is found by an event loop.
final class TokenCache: Sendable {
    private let principals: GenerationCache<String, Principal>

    init(lifetimeSeconds: UInt64 = 10, capacity: Int = 10_000) {
        principals = GenerationCache(capacity: capacity, lifetimeSeconds: lifetimeSeconds)
    }

    func principal(forDigest digest: String) -> Principal? { principals.value(for: digest) }

    /// The cached principal, else what `read` finds, kept unless a revocation emptied the cache meanwhile.
    func principal<Failure: Error>(forDigest digest: String, orRead read: () throws(Failure) -> Principal?) throws(Failure) -> Principal? {
        try principals.value(for: digest, orRead: read)
    }

    var generation: UInt64 { principals.generation }

    func remember(_ principal: Principal, forDigest digest: String, readIn generation: UInt64) {
        principals.remember(principal, for: digest, readIn: generation)
    }

    func removeAll() { principals.removeAll() }
}
