import Dispatch
import Foundation
import PostgresTestSupport
@testable import Registry
import Synchronization
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

    @Test func aRevisionReadBeforeAWriteEndedIsNotKeptAndNothingIsServedWhileOneRuns() throws {
        let cache = CurrentRevisionCache()
        let key = CurrentRevisionCache.Key(kind: .product, key: "sales-orders")
        let read = try serving.product("sales-orders")
        cache.remember(read, as: key, readIn: cache.generation)
        #expect(cache.document(key) == read)
        let noted = cache.generation
        cache.writeBegins()
        #expect(cache.document(key) == nil, "nothing is served while a write may be committing")
        cache.remember(read, as: key, readIn: cache.generation)
        #expect(cache.document(key) == nil, "nothing is stored while a write runs")
        cache.writeEnds()
        #expect(cache.document(key) == nil, "the write's end empties the cache")
        cache.remember(read, as: key, readIn: noted)
        #expect(cache.document(key) == nil, "what was read before the write is not kept after it")
        cache.remember(read, as: key, readIn: cache.generation)
        #expect(cache.document(key) == read)
        cache.removeAll()
        #expect(cache.document(key) == nil)
    }

    @Test func aDocumentOverTheLimitIsNotKeptAndAFullCacheStartsOver() throws {
        let read = try serving.product("sales-orders")
        let size = read.documentText.utf8.count
        let small = CurrentRevisionCache(capacityBytes: size * 2, largestDocument: size - 1)
        let key = CurrentRevisionCache.Key(kind: .product, key: "sales-orders")
        small.remember(read, as: key, readIn: small.generation)
        #expect(small.document(key) == nil, "a document over the limit is read from the database each time")
        let roomy = CurrentRevisionCache(capacityBytes: size * 2, largestDocument: size)
        let keys = (0..<3).map { CurrentRevisionCache.Key(kind: .product, key: "p\($0)") }
        for key in keys { roomy.remember(read, as: key, readIn: roomy.generation) }
        #expect(keys.map { roomy.document($0) != nil } == [false, false, true], "the third did not fit, so the cache started over with it")
    }

    @Test func itsOwnCommitsDoNotComeBackAsNewsFromElsewhere() throws {
        _ = try serving.apply([RegistryFixture.submission(Samples.product(status: "deprecated"))], actor: .localAdmin)
        try cacheProduct(revision: 2)
        // Longer than the SQLite watch's interval and a notification's round trip on PostgreSQL.
        usleep(100_000)
        #expect(serving.cachedProduct("sales-orders")?.revision == 2, "the registry's own commit did not empty the cache again")
    }

    /// What the threads of the test below saw.
    private final class Tally: Sendable {
        let acknowledged = Atomic<Int>(1)
        let writing = Atomic<Bool>(true)
        let failedWrites = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        let fromCache = Atomic<Int>(0)
        let stale = Atomic<Int>(0)
    }

    @Test func concurrentReadersNeverSeeARevisionOlderThanOneAlreadyAcknowledged() throws {
        let tally = Tally()
        let writes = 60
        let done = DispatchGroup()
        let serving = serving
        // Threads of their own: the test runs beside others that may fill Dispatch's global pool.
        for _ in 0..<2 {
            done.enter()
            Thread.detachNewThread {
                while tally.writing.load(ordering: .sequentiallyConsistent) {
                    let floor = tally.acknowledged.load(ordering: .sequentiallyConsistent)
                    if let cached = serving.cachedProduct("sales-orders") {
                        tally.fromCache.add(1, ordering: .relaxed)
                        if cached.revision < floor { tally.stale.add(1, ordering: .relaxed) }
                    }
                    guard let read = try? serving.product("sales-orders") else { continue }
                    tally.reads.add(1, ordering: .relaxed)
                    if read.revision < floor { tally.stale.add(1, ordering: .relaxed) }
                }
                done.leave()
            }
        }
        done.enter()
        Thread.detachNewThread {
            // The readers run before the first write, so every write has readers beside it.
            let start = Date()
            while tally.reads.load(ordering: .relaxed) < 2 && Date().timeIntervalSince(start) < 10 { usleep(1_000) }
            for index in 0..<writes {
                let status = index.isMultiple(of: 2) ? "deprecated" : "active"
                if let written = try? serving.apply([RegistryFixture.submission(Samples.product(status: status))], actor: .localAdmin).first {
                    tally.acknowledged.store(written.revision, ordering: .sequentiallyConsistent)
                } else {
                    tally.failedWrites.add(1, ordering: .relaxed)
                }
                usleep(2_000)  // room between writes, so readers also find the cache full
            }
            tally.writing.store(false, ordering: .sequentiallyConsistent)
            done.leave()
        }
        done.wait()
        #expect(tally.failedWrites.load(ordering: .relaxed) == 0 && tally.acknowledged.load(ordering: .relaxed) == writes + 1)
        #expect(tally.stale.load(ordering: .relaxed) == 0, "no read returned a revision older than one acknowledged before it began")
        let (reads, fromCache) = (tally.reads.load(ordering: .relaxed), tally.fromCache.load(ordering: .relaxed))
        #expect(reads >= writes, "the readers ran (\(reads) reads)")
        #expect(fromCache >= 5, "the cache served some of them (\(fromCache))")
    }

    @Test func aRegistryThatIsNotServingCachesNothing() throws {
        #expect(try fixture.registry.product("sales-orders").revision == 1)
        #expect(fixture.registry.cachedProduct("sales-orders") == nil)
    }
}
