import Foundation
import PostgresTestSupport
import Testing
import Registry

/// Two registries on one PostgreSQL database, as two replicas hold them: what one writes, the
/// other's caches and waiting readers learn within a second (docs/ARCHITECTURE.md, "PostgreSQL").
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct ReplicaCacheTests {
    let first: Registry
    let second: Registry

    init() throws {
        let location = DatabaseLocation(try TemporaryPostgresCluster.shared().makeDatabase())
        first = try Registry(location: location, serving: true)
        second = try Registry(location: location, serving: true)
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
