import Foundation
import PostgresTestSupport
@testable import Registry
import Testing

/// A serving registry keeps current documents in memory and empties them on every commit: its
/// own at once, another process's as soon as it hears of it (docs/ARCHITECTURE.md, "Caches and
/// other writers"). Runs on the engine under test: SQLite's data-version watch, PostgreSQL's listener.
@Suite struct CurrentRevisionCacheTests {
    let fixture: RegistryFixture
    let serving: Registry

    init() throws {
        fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        serving = try Registry(location: DatabaseLocation(fixture.databaseLocation), serving: true)
    }

    /// Reads the product once through `serving`, so its cache holds revision `revision`.
    private func cacheProduct(revision: Int) throws {
        #expect(serving.cachedProduct("sales-orders") == nil, "nothing is cached before a read")
        #expect(try serving.product("sales-orders").revision == revision)
        #expect(serving.cachedProduct("sales-orders")?.revision == revision, "the read was cached")
    }

    @Test func aCommitOfTheServingRegistryEmptiesItsCacheBeforeTheWriteReturns() throws {
        try cacheProduct(revision: 1)
        _ = try serving.apply([RegistryFixture.submission(Samples.product(status: "deprecated"))], actor: .localAdmin)
        #expect(serving.cachedProduct("sales-orders") == nil)
        #expect(try serving.product("sales-orders").revision == 2)
    }

    @Test func aCommitOfAnotherProcessEmptiesTheCacheWithinASecond() throws {
        try cacheProduct(revision: 1)
        try fixture.apply([Samples.product(status: "deprecated")])  // another registry on the same database
        let deadline = Date().addingTimeInterval(1)
        while serving.cachedProduct("sales-orders") != nil && Date() < deadline { usleep(1_000) }
        #expect(serving.cachedProduct("sales-orders") == nil, "the other process's commit was heard within 1 s")
        #expect(try serving.product("sales-orders").revision == 2)
    }

    @Test func aRevisionReadBeforeACommitIsNotKeptAfterIt() throws {
        let cache = CurrentRevisionCache()
        let key = CurrentRevisionCache.Key(kind: .product, key: "sales-orders")
        let read = try serving.product("sales-orders")
        let noted = cache.generation
        cache.removeAll()  // a commit lands while the read runs
        cache.remember(read, as: key, readIn: noted)
        #expect(cache.document(key) == nil, "what was read before the commit is not kept")
        cache.remember(read, as: key, readIn: cache.generation)
        #expect(cache.document(key) == read)
    }

    @Test func aRegistryThatIsNotServingCachesNothing() throws {
        #expect(try fixture.registry.product("sales-orders").revision == 1)
        #expect(fixture.registry.cachedProduct("sales-orders") == nil)
    }
}
