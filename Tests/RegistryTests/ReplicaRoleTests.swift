import Foundation
import PostgresTestSupport
import Registry
import SQL
import Testing

/// What a replica on PostgreSQL does beyond answering requests (docs/ARCHITECTURE.md,
/// "PostgreSQL"): only a serving registry listens for other replicas' commits, and only one
/// replica at a time runs housekeeping, taken over by another when it stops.
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct ReplicaRoleTests {
    let uri: String
    let observer: any SQLConnection

    init() throws {
        uri = try TemporaryPostgresCluster.shared().makeDatabase()
        observer = try TestEngine.connect(uri)
    }

    /// The sessions on this test's database that `application_name` names.
    func sessions(named name: String) throws -> Int {
        try observer.query("SELECT count(*) AS sessions FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?", [name])
            .first?.int("sessions") ?? -1
    }

    @Test func onlyAServingRegistryListensForOtherReplicasCommits() throws {
        let command = try Registry(location: DatabaseLocation(uri))
        #expect(try command.latestEventSequence() == 0)
        #expect(try sessions(named: "meshreg-listener") == 0, "a short command opens no listening connection")
        let service = try Registry(location: DatabaseLocation(uri), serving: true)
        #expect(try service.latestEventSequence() == 0)
        #expect(try sessions(named: "meshreg-listener") == 1)
    }

    @Test func oneReplicaSweepsAtATimeAndAnotherTakesOverWhenItStops() throws {
        let setup = try Registry(location: DatabaseLocation(uri))
        let documents = [Samples.salesDomain, Samples.contract(), Samples.product()]
        _ = try setup.apply(documents.map { try RegistryFixture.submission($0) }, actor: .localAdmin)
        let submission = AccessRequestSubmission(product: "sales-orders", port: "main", team: "sales-finance", purpose: "trial", expires: "2099-01-01")
        let request = try setup.requestAccess(submission, actor: .user("carol")).request
        _ = try setup.decideAccess(request.id, approve: true, actor: .user("alice"))

        // Both replicas' clocks are past the grant's expiry.
        let afterExpiry: @Sendable () -> Date = { Date(timeIntervalSince1970: 4_102_444_800 + 60) }
        var leader: Registry? = try Registry(location: DatabaseLocation(uri), serving: true, clock: afterExpiry)
        let follower = try Registry(location: DatabaseLocation(uri), serving: true, clock: afterExpiry)
        let first = try #require(try leader?.housekeep(eventsOlderThan: 86_400 * 365_000))
        #expect(first.expiredGrants == 1)
        #expect(try follower.housekeep(eventsOlderThan: 86_400 * 365_000) == nil, "the other replica leaves the sweep to the leader")
        #expect(try leader?.housekeep(eventsOlderThan: 86_400 * 365_000) != nil, "the leader keeps its lock from round to round")
        #expect(try sessions(named: "meshreg-leader") == 1)

        leader = nil
        // The server releases the lock when the leader's session ends, which it notices shortly after.
        var takenOver: Registry.Housekeeping?
        let deadline = Date().addingTimeInterval(10)
        while takenOver == nil && Date() < deadline {
            takenOver = try follower.housekeep(eventsOlderThan: 86_400 * 365_000)
            if takenOver == nil { usleep(50_000) }
        }
        #expect(takenOver != nil, "the follower took over once the leader stopped")
        #expect(takenOver?.expiredGrants == 0, "the grant expired once, in the leader's sweep")
        guard case .events(let events) = try setup.events(after: 0, limit: 1_000, types: ["access.expired"], reader: .localAdmin) else {
            Issue.record("the feed did not answer with events")
            return
        }
        #expect(events.map(\.subject) == [request.id])
    }
}
