@testable import Registry
import Testing

/// The token cache: tokens by their text, kept under the generation rule, emptied by a revocation.
@Suite struct TokenCacheTests {
    @Test func aTokenReadBeforeARevocationIsNotKeptAfterIt() {
        let cache = GenerationCache<String, Principal>(capacity: 10)
        let noted = cache.generation
        cache.removeAll()  // a revocation commits while the token is read from the database
        cache.remember(.user("alice"), for: "meshreg_token", readIn: noted)
        #expect(cache.value(for: "meshreg_token") == nil, "what was read before the revocation is not kept")
        cache.remember(.user("alice"), for: "meshreg_token", readIn: cache.generation)
        #expect(cache.value(for: "meshreg_token")?.username == "alice")
    }

    @Test func housekeepingDropsTokensPastTheirLifetime() {
        let cache = GenerationCache<String, Principal>(capacity: 10, lifetimeSeconds: 0)
        cache.remember(.user("alice"), for: "meshreg_token", readIn: cache.generation)
        cache.remember(.user("bob"), for: "meshreg_other", readIn: cache.generation)
        #expect(cache.count == 2, "an expired value is passed over by lookups but still held")
        #expect(cache.value(for: "meshreg_token") == nil)
        cache.removeExpired()
        #expect(cache.count == 0, "housekeeping drops what is past its lifetime")
        let lasting = GenerationCache<String, Principal>(capacity: 10)
        lasting.remember(.user("alice"), for: "meshreg_token", readIn: lasting.generation)
        lasting.removeExpired()
        #expect(lasting.value(for: "meshreg_token")?.username == "alice", "what is still live stays")
    }

    @Test func anAuthenticatedTokenIsFoundInMemoryUntilItIsRevoked() throws {
        let fixture = try RegistryFixture()
        let registry = fixture.registry
        let issued = try registry.issueToken(for: .user("alice"), actor: .localAdmin)
        #expect(registry.cachedPrincipal(forToken: issued.token) == nil, "nothing is cached before a database read")
        #expect(try registry.authenticate(token: issued.token)?.username == "alice")
        #expect(registry.cachedPrincipal(forToken: issued.token)?.username == "alice")
        let other = String(issued.token.dropLast()) + (issued.token.hasSuffix("0") ? "1" : "0")
        #expect(registry.cachedPrincipal(forToken: other) == nil, "a token one character off is not the cached one")
        #expect(try registry.authenticate(token: other) == nil)
        try registry.revokeToken(issued.id, actor: .localAdmin)
        #expect(registry.cachedPrincipal(forToken: issued.token) == nil, "a revocation empties the cache")
        #expect(try registry.authenticate(token: issued.token) == nil)
    }
}
