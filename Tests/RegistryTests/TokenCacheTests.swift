@testable import Registry
import Testing

/// The token cache's rule for a read that races a revocation.
@Suite struct TokenCacheTests {
    @Test func aTokenReadBeforeARevocationIsNotKeptAfterIt() {
        let cache = TokenCache()
        let noted = cache.generation
        cache.removeAll()  // a revocation commits while the token is read from the database
        cache.remember(.user("alice"), forDigest: "digest", readIn: noted)
        #expect(cache.principal(forDigest: "digest") == nil, "what was read before the revocation is not kept")
        cache.remember(.user("alice"), forDigest: "digest", readIn: cache.generation)
        #expect(cache.principal(forDigest: "digest")?.username == "alice")
    }
}
