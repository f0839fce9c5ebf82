@testable import Registry
import Testing

/// The token cache: tokens by their text, kept under the generation rule, emptied by a revocation.
@Suite struct TokenCacheTests {
    @Test func aTokenReadBeforeARevocationIsNotKeptAfterIt() throws {
        let fixture = try RegistryFixture()
        let cache = fixture.registry.tokenCache
        let noted = cache.generation
        cache.removeAll()  // a revocation commits while the token is read from the database
        cache.remember(.user("alice"), for: "meshreg_token", readIn: noted)
        #expect(cache.value(for: "meshreg_token") == nil, "what was read before the revocation is not kept")
        cache.remember(.user("alice"), for: "meshreg_token", readIn: cache.generation)
        #expect(cache.value(for: "meshreg_token")?.username == "alice")
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
