import Foundation
import JSON
import Policy
import Registry
import Synchronization
import Testing

/// The change log: one event per committed change, in its transaction, in commit order.
@Suite struct ChangeEventTests {
    private let admin = Principal.localAdmin

    /// Every event after `sequence`, as an admin sees them.
    private func events(_ registry: Registry, after sequence: Int64 = 0, reader: Principal = .localAdmin) throws -> [ChangeEvent] {
        guard case .events(let events) = try registry.events(after: sequence, limit: 10_000, reader: reader) else {
            Issue.record("the feed did not answer with events")
            return []
        }
        return events
    }

    private func latest(_ registry: Registry) throws -> Int64 { try events(registry).last?.sequence ?? 0 }

    @Test func documentWritesAppendOneEventEachAndNoOpsNone() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let created = try events(fixture.registry)
        #expect(created.map(\.type) == ["domain.applied", "contract.published", "product.registered"])
        #expect(created.map(\.subject) == ["sales", "sales-orders-contract@1.0.0", "sales-orders"])
        #expect(created.map(\.sequence) == [1, 2, 3])
        #expect(created[2].team == "sales-data" && created[2].domain == "sales")
        #expect(created[1].data["version"] == "1.0.0" && created[1].data["contractId"] == "sales-orders-contract")

        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        #expect(try events(fixture.registry, after: 3).isEmpty, "an unchanged re-apply writes no event")

        try fixture.apply([Samples.product(status: "deprecated")], as: .user("bob"))
        let updated = try events(fixture.registry, after: 3)
        #expect(updated.map(\.type) == ["product.updated"])
        #expect(updated.first?.data["changed"] == ["status"])
        #expect(updated.first?.data["actor"] == "bob")
        #expect(updated.first?.data["revision"] == 2)
    }

    @Test func contractStatusChangesAreDeprecationsAndRetirements() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.contract(version: "2.0.0", orderIDType: "integer")])
        try fixture.apply([Samples.contract(status: "deprecated")])
        try fixture.registry.retireContract("sales-orders-contract", version: "1.0.0", actor: admin)
        try fixture.apply([Samples.contract(version: "2.0.0", status: "retired", orderIDType: "integer")])
        let types = try events(fixture.registry, after: 3).map(\.type)
        #expect(types == ["contract.deprecated", "contract.retired", "contract.retired"])
    }

    @Test func retiringAProductIsItsOwnEvent() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        try fixture.registry.retireProduct("sales-orders", actor: .user("alice"))
        try fixture.registry.retireProduct("sales-orders", actor: .user("alice"))
        let retired = try events(fixture.registry, after: 3)
        #expect(retired.map(\.type) == ["product.retired"], "retiring twice is one change")
        #expect(retired.first?.data["changed"] == ["status"])
    }

    @Test func accessRequestsEmitEveryDecision() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let submission = AccessRequestSubmission(product: "sales-orders", port: "main", team: "sales-finance", purpose: "forecasts")
        let approved = try fixture.registry.requestAccess(submission, actor: .user("carol")).request
        _ = try fixture.registry.decideAccess(approved.id, approve: true, actor: .user("alice"))
        _ = try fixture.registry.revokeAccess(approved.id, actor: .user("alice"))
        let rejected = try fixture.registry.requestAccess(submission, actor: .user("carol")).request
        _ = try fixture.registry.decideAccess(rejected.id, approve: false, note: "no", actor: .user("alice"))
        let access = try events(fixture.registry, after: 3)
        #expect(access.map(\.type) == ["access.requested", "access.approved", "access.revoked", "access.requested", "access.rejected"])
        #expect(access.allSatisfy { $0.domain == "sales" && $0.team == "sales-data" })
        #expect(access.first?.data["request"]?["team"] == "sales-finance")
    }

    @Test func expiredGrantsAreAnnouncedOnce() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let submission = AccessRequestSubmission(product: "sales-orders", port: "main", team: "sales-finance", purpose: "trial", expires: "2099-01-01")
        let request = try fixture.registry.requestAccess(submission, actor: .user("carol")).request
        _ = try fixture.registry.decideAccess(request.id, approve: true, actor: .user("alice"))
        #expect(try fixture.registry.recordExpiredGrants() == 0)
        let later = try fixture.reopen(clock: { Date(timeIntervalSince1970: 4_102_444_800 + 60) })
        #expect(try later.recordExpiredGrants() == 1)
        #expect(try later.recordExpiredGrants() == 0, "a grant expires once")
        let expired = try events(fixture.registry).filter { $0.type == "access.expired" }
        #expect(expired.map(\.subject) == [request.id])
    }

    @Test func subjectWritesEmitVersionAndConfigEvents() throws {
        let fixture = try RegistryFixture()
        let schema = #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}"#
        let id = try fixture.registry.registerSchema(SchemaSubmission(schema: schema), subject: "orders-value", actor: admin)
        _ = try fixture.registry.registerSchema(SchemaSubmission(schema: schema), subject: "orders-value", actor: admin)
        try fixture.registry.setCompatibilityLevel(.full, subject: "orders-value", actor: admin)
        try fixture.registry.setCompatibilityLevel(.none, subject: nil, actor: admin)
        _ = try fixture.registry.deleteSubjectVersion("orders-value", .number(1), permanent: false, actor: admin)
        let subjectEvents = try events(fixture.registry)
        #expect(subjectEvents.map(\.type) == ["subject-version.registered", "subject-config.changed", "global-config.changed",
                                              "subject-version.deleted"])
        #expect(subjectEvents[0].data["schemaId"] == .integer(Int64(id)))
        #expect(subjectEvents[0].data["version"] == 1)
        #expect(subjectEvents[1].data["compatibility"] == "FULL")
    }

    @Test func aChangedPolicySetIsRecordedOnce() throws {
        let fixture = try RegistryFixture()
        #expect(try fixture.registry.recordPolicySet())
        #expect(try !fixture.registry.recordPolicySet())
        let policy = """
            apiVersion: meshreg/v1
            kind: Policy
            metadata: { name: named-products, description: Products have names. }
            spec:
              events: [product.register]
              validations:
                - expression: "product.name != ''"
                  message: products need a name
              validationActions: [Deny]
            """
        let policies = try PolicySet.load([(path: "named.yaml", bytes: Array(policy.utf8))])
        let changed = try fixture.reopen(configuration: RegistryConfiguration(policies: policies))
        #expect(try changed.recordPolicySet())
        let recorded = try events(fixture.registry)
        #expect(recorded.map(\.type) == ["policy-set.changed", "policy-set.changed"])
        #expect(recorded[1].data["policies"] == ["named-products"])
    }

    @Test func completedLineageRunsAreEvents() throws {
        let fixture = try RegistryFixture()
        let service = try LineageService(registry: fixture.registry)
        _ = try service.ingest(LineageEvents.run("START"), actor: admin)
        _ = try service.ingest(LineageEvents.run("COMPLETE", time: "2025-11-28T09:20:00.000Z"), actor: admin)
        _ = try service.ingest(LineageEvents.run("COMPLETE", time: "2025-11-28T09:20:00.000Z"), actor: admin)
        let runs = try events(fixture.registry)
        #expect(runs.map(\.type) == ["lineage-run.completed"], "a START is no event and a resent COMPLETE changes nothing")
        #expect(throws: RegistryError.self) { try service.ingest(["eventType": "COMPLETE"], actor: admin) }
        #expect(try events(fixture.registry, after: runs[0].sequence).map(\.type) == ["policy.denied"], "a refused event is recorded")
        #expect(runs.first?.data["runId"] == .string(LineageEvents.runID))
    }

    @Test func refusalsAreDeniedEventsVisibleToTheDomainAndAdmins() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let refusal = fixture.refusal { try fixture.apply([Samples.product(status: "deprecated")], as: .user("mallory")) }
        #expect(refusal?.code == .forbidden)
        let denied = try events(fixture.registry, after: 3)
        #expect(denied.map(\.type) == ["policy.denied"])
        #expect(denied.first?.data["code"] == "forbidden" && denied.first?.domain == "sales")
        #expect(try events(fixture.registry, after: 3, reader: .user("carol")).count == 1, "carol is in a sales team")
        #expect(try events(fixture.registry, after: 3, reader: .user("mallory")).isEmpty, "mallory is in no team of sales")
        #expect(try events(fixture.registry, reader: .user("mallory")).count == 3, "catalog events are for every reader")
    }

    @Test func filtersByTypeInEitherFormAndByDomain() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        guard case .events(let products) = try fixture.registry.events(after: 0, limit: 10, types: ["io.meshreg.product.registered.v1", "domain.applied"],
                                                                       domain: "sales", reader: admin) else { Issue.record("no events"); return }
        #expect(products.map(\.type) == ["domain.applied", "product.registered"])
        guard case .events(let limited) = try fixture.registry.events(after: 1, limit: 1, reader: admin) else { Issue.record("no events"); return }
        #expect(limited.map(\.sequence) == [2])
    }

    @Test func concurrentWritesNeverLetAReaderSkipASequence() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract()])
        let start = try latest(fixture.registry)
        let writers = 6, writesEach = 20
        let registry = fixture.registry
        let seen = Mutex<[Int64]>([])
        let finished = DispatchSemaphore(value: 0)
        let reader = Thread {
            var position = start
            let deadline = Date().addingTimeInterval(60)
            while seen.withLock({ $0.count }) < writers * writesEach, Date() < deadline {
                if case .events(let batch) = try? registry.events(after: position, limit: 7, reader: .localAdmin, wait: 0.05) {
                    seen.withLock { $0 += batch.map(\.sequence) }
                    position = batch.last?.sequence ?? position
                }
            }
            finished.signal()
        }
        reader.start()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for index in 0..<writesEach {
                _ = try? registry.apply([RegistryFixture.submission(Samples.product(id: "product-\(writer)-\(index)"))], actor: .localAdmin)
            }
        }
        finished.wait()
        let all = try events(fixture.registry, after: start)
        #expect(all.count == writers * writesEach)
        #expect(seen.withLock { $0 } == all.map(\.sequence), "the reader saw every event, once, in order")
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.sequence + 1 == $1.sequence }, "no gaps under group commit")
    }

    @Test func aWaitingReaderReturnsWhenAnEventCommits() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        let registry = fixture.registry
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            _ = try? registry.apply([RegistryFixture.submission(Samples.contract())], actor: .localAdmin)
        }
        let read = try fixture.registry.events(after: 1, limit: 10, reader: admin, wait: 20)
        guard case .events(let arrived) = read else { Issue.record("no events"); return }
        #expect(arrived.map(\.type) == ["contract.published"])
    }

    @Test func prunedPositionsAreReportedWithTheEarliestAvailable() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let future = try fixture.reopen(clock: { Date().addingTimeInterval(86_400) })
        try future.apply([try RegistryFixture.submission(Samples.product(status: "deprecated"))], actor: admin)
        #expect(try future.pruneEvents(olderThan: 3_600, batch: 2) == 3)
        #expect(try fixture.registry.events(after: 0, limit: 10, reader: admin) == .expired(earliestAvailable: 4))
        #expect(try fixture.registry.events(after: 2, limit: 10, reader: admin) == .expired(earliestAvailable: 4))
        #expect(try events(fixture.registry, after: 3).map(\.sequence) == [4])
        #expect(try future.pruneEvents(olderThan: 0) == 1)
        try future.apply([try RegistryFixture.submission(Samples.product(status: "active"))], actor: admin)
        #expect(try events(fixture.registry, after: 4).map(\.sequence) == [5], "sequences are never reused after pruning")
    }

    @Test func cloudEventCarriesTheRequiredAttributes() throws {
        let event = ChangeEvent(sequence: 42, type: "product.updated", subject: "sales-orders", domain: "sales", team: "sales-data",
                                time: "2026-12-06T07:00:00.000Z", data: ["id": "sales-orders"])
        let json = event.cloudEvent(registryID: "abc123")
        #expect(json["specversion"] == "1.0")
        #expect(json["id"] == "abc123-42")
        #expect(json["source"] == "/meshreg/abc123")
        #expect(json["type"] == "io.meshreg.product.updated.v1")
        #expect(json["subject"] == "sales-orders" && json["time"] == "2026-12-06T07:00:00.000Z")
        #expect(json["datacontenttype"] == "application/json" && json["sequence"] == "42")
        #expect(json["data"]?["id"] == "sales-orders")
        #expect(ChangeEvent.shortType("io.meshreg.access.approved.v1") == "access.approved")
    }
}
