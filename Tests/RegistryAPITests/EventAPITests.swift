import Foundation
import HTTPProtocol
import JSON
import Registry
import RegistryAPI
import Testing

/// `/api/v1/events` and `/api/v1/events/stream` through the router.
@Suite struct EventAPITests {
    private func events(_ response: HTTPResponse) -> [JSONValue] { response.json.arrayValue ?? [] }

    @Test func theFeedIsABatchOfCloudEventsPagedBySequence() throws {
        let fixture = try APIFixture()
        let first = fixture.send(.get, "/api/v1/events?limit=5", token: fixture.outsiderToken)
        #expect(first.status.code == 200)
        #expect(first.headers["Content-Type"] == "application/cloudevents-batch+json")
        let page = events(first)
        #expect(page.count == 5)
        for event in page {
            #expect(event["specversion"] == "1.0" && event["datacontenttype"] == "application/json")
            #expect(event["source"]?.stringValue == "/meshreg/\(fixture.registry.registryID)")
            #expect(event["type"]?.stringValue?.hasPrefix("io.meshreg.") == true && event["subject"] != nil && event["time"] != nil)
        }
        #expect(page.map { $0["sequence"] } == ["1", "2", "3", "4", "5"])

        var seen = page.compactMap { $0["sequence"]?.stringValue.flatMap { Int($0) } }
        while true {
            let next = events(fixture.send(.get, "/api/v1/events?after=\(seen.last ?? 0)&limit=7", token: fixture.outsiderToken))
            if next.isEmpty { break }
            seen += next.compactMap { $0["sequence"]?.stringValue.flatMap { Int($0) } }
        }
        let total = try fixture.registry.events(after: 0, limit: 1_000, reader: .localAdmin)
        guard case .events(let all) = total else { Issue.record("no events"); return }
        #expect(seen == all.map { Int($0.sequence) }, "paging returns every event once, in order")
        #expect(seen.count > 10, "the shipped mesh is many events")
    }

    @Test func filtersAndParametersAreChecked() throws {
        let fixture = try APIFixture()
        let domains = events(fixture.send(.get, "/api/v1/events?types=io.meshreg.domain.applied.v1&domain=orders", token: fixture.outsiderToken))
        #expect(domains.map { $0["subject"] } == ["orders"])
        #expect(fixture.send(.get, "/api/v1/events?types=product.exploded", token: fixture.outsiderToken).status.code == 400)
        #expect(fixture.send(.get, "/api/v1/events?wait=31", token: fixture.outsiderToken).status.code == 400)
        #expect(fixture.send(.get, "/api/v1/events?after=-1", token: fixture.outsiderToken).status.code == 400)
        #expect(fixture.send(.get, "/api/v1/events?limit=1001", token: fixture.outsiderToken).status.code == 400)
        #expect(fixture.send(.get, "/api/v1/events").status.code == 401)
    }

    @Test func refusalsAreSeenByTheDomainsTeamsAndAdminsOnly() throws {
        let fixture = try APIFixture()
        let before = try #require(events(fixture.send(.get, "/api/v1/events?limit=1000", token: fixture.adminToken)).last?["sequence"]?.stringValue)
        let refused = fixture.send(.put, "/api/v1/products/order-history", token: fixture.outsiderToken,
                                   headers: [("Content-Type", "application/json")], body: "{}")
        #expect(refused.status.code == 403)
        let path = "/api/v1/events?after=\(before)&types=policy.denied"
        let forAdmin = events(fixture.send(.get, path, token: fixture.adminToken))
        #expect(forAdmin.map { $0["subject"] } == ["order-history"])
        #expect(forAdmin.first?["data"]?["code"] == "forbidden" && forAdmin.first?["data"]?["actor"] == "sam.lee")
        #expect(events(fixture.send(.get, path, token: fixture.ordersOwnerToken)).count == 1, "david.kim is in the orders domain")
        #expect(events(fixture.send(.get, path, token: fixture.outsiderToken)).isEmpty, "sam.lee is in marketing")
    }

    @Test func aLongPollAnswersWhenAWriteCommits() throws {
        let fixture = try APIFixture()
        let latest = try #require(events(fixture.send(.get, "/api/v1/events?limit=1000", token: fixture.adminToken)).last?["sequence"]?.stringValue)
        let registry = fixture.registry
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            try? registry.setCompatibilityLevel(.full, subject: nil, actor: .localAdmin)
        }
        let waited = fixture.send(.get, "/api/v1/events?after=\(latest)&wait=20", token: fixture.adminToken)
        #expect(events(waited).map { $0["type"] } == ["io.meshreg.global-config.changed.v1"])
        let empty = fixture.send(.get, "/api/v1/events?after=\(Int(latest)! + 1)&wait=0.1", token: fixture.adminToken)
        #expect(empty.status.code == 200 && events(empty).isEmpty)
    }

    @Test func positionsBelowRetentionAnswer410WithTheEarliestAvailable() throws {
        let fixture = try APIFixture()
        let later = try fixture.reopen(clock: { Date().addingTimeInterval(7_200) })
        let pruned = try later.pruneEvents(olderThan: 3_600, batch: 10)
        #expect(pruned > 10)
        let gone = fixture.send(.get, "/api/v1/events?after=0", token: fixture.adminToken)
        #expect(gone.status.code == 410)
        #expect(gone.json["code"] == "events-expired")
        #expect(gone.json["earliestAvailable"] == .string(String(pruned + 1)))
        #expect(fixture.send(.get, "/api/v1/events?after=\(pruned)", token: fixture.adminToken).status.code == 200)
    }

    @Test func theStreamServesServerSentEventsAndResumesFromLastEventID() throws {
        let fixture = try APIFixture()
        let stream = fixture.send(.get, "/api/v1/events/stream?limit=3", token: fixture.adminToken)
        #expect(stream.status.code == 200)
        #expect(stream.headers["Content-Type"] == "text/event-stream")
        let text = String(decoding: stream.body, as: UTF8.self)
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { $0.dropFirst(4) }
        #expect(ids == ["1", "2", "3"])
        let data = text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { (try? JSONParser.parse(String($0.dropFirst(6)))) ?? .null }
        #expect(data.map { $0["sequence"] } == ["1", "2", "3"])
        let resumed = fixture.send(.get, "/api/v1/events/stream?limit=2", token: fixture.adminToken, headers: [("Last-Event-ID", "3")])
        let resumedIDs = String(decoding: resumed.body, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("id: ") }
        #expect(resumedIDs == ["id: 4", "id: 5"])
    }
}
