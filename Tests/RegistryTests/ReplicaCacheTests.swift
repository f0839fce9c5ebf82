import Foundation
import Postgres
import PostgresTestSupport
import Testing
import Registry

/// Two registries on one PostgreSQL database, as two replicas hold them: what one writes, the
/// other's caches and waiting readers learn within a second (docs/ARCHITECTURE.md, "PostgreSQL"
/// and "Caches and other writers").
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct ReplicaCacheTests {
    let uri: String
    let first: Registry
    let second: Registry

    init() throws {
        uri = try TemporaryPostgresCluster.shared().makeDatabase()
        first = try Registry(location: DatabaseLocation(uri), serving: true)
        second = try Registry(location: DatabaseLocation(uri), serving: true)
    }

    @Test func aProductWrittenOnOneReplicaIsReadOnTheOtherWithinASecond() throws {
        let documents = [Samples.salesDomain, Samples.contract(), Samples.product()]
        _ = try first.apply(try documents.map { try RegistryFixture.submission($0) }, actor: .localAdmin)
        // The first write's notification may arrive after a read and empty the cache: read until it stays.
        var deadline = Date().addingTimeInterval(1)
        repeat {
            #expect(try second.product("sales-orders").revision == 1)
            usleep(20_000)
        } while second.cachedProduct("sales-orders") == nil && Date() < deadline
        #expect(second.cachedProduct("sales-orders")?.revision == 1, "the second replica keeps what it read")
        _ = try first.apply([RegistryFixture.submission(Samples.product(status: "deprecated"))], actor: .localAdmin)
        deadline = Date().addingTimeInterval(1)
        while second.cachedProduct("sales-orders") != nil && Date() < deadline { usleep(1_000) }
        #expect(second.cachedProduct("sales-orders") == nil, "the first replica's write reached the second within 1 s")
        #expect(try second.product("sales-orders").revision == 2)
    }

    @Test func aReplicaThatLosesItsListenerForgetsItsCurrentDocuments() throws {
        let documents = [Samples.salesDomain, Samples.contract(), Samples.product()]
        _ = try second.apply(try documents.map { try RegistryFixture.submission($0) }, actor: .localAdmin)
        #expect(try second.product("sales-orders").revision == 1)
        #expect(second.cachedProduct("sales-orders") != nil)
        // Cut every listener on this database, as a dropped route or a restarted pooler would.
        let cut = try PostgresConnection(uri: uri).query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'meshreg-listener' AND datname = current_database()")
        #expect(cut.count == 2, "both replicas' listeners were found")
        let deadline = Date().addingTimeInterval(3)
        while second.cachedProduct("sales-orders") != nil && Date() < deadline { usleep(1_000) }
        #expect(second.cachedProduct("sales-orders") == nil, "a replica that cannot hear others trusts nothing it holds")
    }

    @Test func aTokenRevokedOnOneReplicaIsRefusedOnTheOtherWithinASecond() throws {
        let issued = try first.issueToken(for: .user("alice"), actor: .localAdmin)
        // The second replica authenticates it and keeps it in its token cache.
        #expect(try second.authenticate(token: issued.token)?.username == "alice")
        try first.revokeToken(issued.id, actor: .localAdmin)
        let deadline = Date().addingTimeInterval(1)
        var refused = false
        while !refused && Date() < deadline {
            refused = try second.authenticate(token: issued.token) == nil
            if !refused { usleep(10_000) }
        }
        #expect(refused, "the revocation reached the other replica's cache within 1 s")
    }

    @Test func aReaderWaitingOnOneReplicaWakesForAWriteOnTheOther() throws {
        let latest = try second.latestEventSequence()
        let started = Date()
        let writer = Thread { [first] in
            Thread.sleep(forTimeInterval: 0.1)
            _ = try? first.apply([RegistryFixture.submission(Samples.salesDomain)], actor: .localAdmin)
        }
        writer.start()
        let read = try second.events(after: latest, limit: 10, reader: .localAdmin, wait: 20)
        let waited = Date().timeIntervalSince(started)
        guard case .events(let events) = read else {
            Issue.record("expected events, got \(read)")
            return
        }
        #expect(!events.isEmpty && events.allSatisfy { $0.subject == "sales" }, "\(events)")
        #expect(waited < 0.7, "woken by the commit notification, not by the 1 s poll (waited \(waited) s)")
    }
}
