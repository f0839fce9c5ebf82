import JSON
import Registry
import SQL
import Testing

/// `Registry.plan`: what applying a tree would do, document by document, and applying it.
@Suite struct ApplyPlanTests {
    static func submissions(_ documents: [String]) throws -> [DocumentSubmission] {
        try documents.enumerated().map { index, text in try RegistryFixture.submission(text, source: "doc\(index).yaml") }
    }

    static func count(_ table: String, _ fixture: RegistryFixture) throws -> Int {
        let database = try fixture.connection()
        return try database.query("SELECT count(*) AS n FROM \(table)").first?.int("n") ?? -1
    }

    @Test func aNewTreeIsAllAddsAndPlanningWritesNothing() throws {
        let fixture = try RegistryFixture()
        let plan = try fixture.registry.plan(try Self.submissions([Samples.product(), Samples.contract(), Samples.salesDomain]), actor: .localAdmin)
        #expect(plan.documents.map(\.action) == [.add, .add, .add])
        #expect(plan.documents.map(\.kind) == ["Domain", "DataContract", "DataProduct"])
        #expect(plan.documents.map(\.path) == ["doc2.yaml", "doc1.yaml", "doc0.yaml"])
        #expect(plan.documents[1].id == "sales-orders-contract" && plan.documents[1].version == "1.0.0")
        #expect(!plan.isRefused && !plan.applied)
        #expect(plan.json["summary"] == ["add": 3, "change": 0, "unchanged": 0, "retire": 0, "refuse": 0])
        #expect(try Self.count("revisions", fixture) == 0)
    }

    @Test func committingAppliesAndApplyingTheSameTreeAgainWritesNothing() throws {
        let fixture = try RegistryFixture()
        let tree = try Self.submissions([Samples.salesDomain, Samples.contract(), Samples.product()])
        let first = try fixture.registry.plan(tree, actor: .localAdmin, commit: true)
        #expect(first.applied)
        let revisions = try Self.count("revisions", fixture)
        let audited = try Self.count("audit_log", fixture)
        #expect(revisions == 3)
        let second = try fixture.registry.plan(tree, actor: .localAdmin, commit: true)
        #expect(second.documents.allSatisfy { $0.action == .unchanged && $0.diff.isEmpty })
        #expect(try Self.count("revisions", fixture) == revisions)
        #expect(try Self.count("audit_log", fixture) == audited)
    }

    @Test func aChangeListsEveryChangedFieldWithItsOldAndNewValue() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let plan = try fixture.registry.plan(try Self.submissions([Samples.product(status: "deprecated")]), actor: .user("alice"))
        let product = try #require(plan.documents.first)
        #expect(product.action == .change)
        #expect(product.diff == [JSONDifference(pointer: JSONPointer("/status")!, old: "active", new: "deprecated")])
        #expect(try fixture.registry.product("sales-orders").document["status"] == "active")
    }

    @Test func anotherTeamIsRefusedNothingIsWrittenAndTheRefusalIsAudited() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let revisions = try Self.count("revisions", fixture)
        let tree = try Self.submissions([Samples.contract(version: "1.1.0", extraProperty: true), Samples.product(status: "deprecated")])
        let plan = try fixture.registry.plan(tree, actor: .team("sales-finance"), commit: true)
        #expect(plan.isRefused && !plan.applied)
        #expect(plan.count(.refuse) == 2)
        #expect(plan.documents.allSatisfy { $0.refusal?.code == .forbidden })
        #expect(try Self.count("revisions", fixture) == revisions)
        let database = try fixture.connection()
        let refused = try database.query("SELECT target FROM audit_log WHERE outcome = 'refused' ORDER BY target").compactMap { $0.string("target") }
        #expect(refused == ["sales-orders", "sales-orders-contract@1.1.0"])
    }

    @Test func aBreakingContractChangeIsRefusedWithItsFindingsVerdictAndDownstreamReaders() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let plan = try fixture.registry.plan(try Self.submissions([Samples.contract(version: "1.1.0", orderIDType: "integer")]), actor: .localAdmin)
        let contract = try #require(plan.documents.first)
        #expect(contract.action == .refuse)
        #expect(contract.refusal?.code == .incompatible)
        #expect(contract.evolution?.report.breakingFindings.isEmpty == false)
        #expect(contract.json["semver"]?["allowed"] == false)
        #expect(contract.json["findings"]?[0]?["verdict"] == "breaking")
        let readers = try #require(contract.impact?.report.products)
        #expect(readers.map(\.id) == ["sales-forecast"])
        #expect(contract.json["impact"]?[0]?["team"] == "sales-data")
    }

    @Test func aDocumentThatDoesNotDecodeIsRefusedWithItsLocation() throws {
        let fixture = try RegistryFixture()
        let broken = "apiVersion: v1.0.0\nkind: DataProduct\nid: Not_Kebab\nname: 7\n"
        let plan = try fixture.registry.plan(try Self.submissions([Samples.salesDomain, broken]), actor: .localAdmin)
        #expect(plan.documents.map(\.action) == [.refuse, .add])
        let issues = plan.documents[0].refusal?.issues ?? []
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.source?.hasPrefix("doc1.yaml") == true })
    }

    @Test func pruneRetiresWhatTheTreesDomainsNoLongerHold() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let tree = try Self.submissions([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract])
        #expect(try fixture.registry.plan(tree, actor: .localAdmin).count(.retire) == 0, "without prune nothing is retired")
        let plan = try fixture.registry.plan(tree, actor: .localAdmin, commit: true, prune: true)
        let retired = try #require(plan.documents.last)
        #expect(retired.action == .retire && retired.id == "sales-forecast" && retired.kind == "DataProduct")
        #expect(plan.applied)
        #expect(try fixture.registry.product("sales-forecast").document["status"] == "retired")
        #expect(try fixture.registry.plan(tree, actor: .localAdmin, prune: true).count(.retire) == 0, "pruning twice retires nothing more")
    }

    @Test func pruneRefusesToRetireWhatOthersStillRead() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let tree = try Self.submissions([Samples.salesDomain, Samples.consumerContract, Samples.consumer])
        let plan = try fixture.registry.plan(tree, actor: .localAdmin, commit: true, prune: true)
        #expect(!plan.applied)
        let refused = plan.documents.filter { $0.action == .refuse }
        #expect(refused.map(\.id) == ["sales-orders", "sales-orders-contract"])
        #expect(refused.allSatisfy { $0.refusal?.code == .hasDependants && $0.refusal?.dependants.contains("product:sales-forecast") == true })
        #expect(try fixture.registry.product("sales-orders").document["status"] == "active")
    }

    @Test func pruneRetiresAProductAndTheContractOnlyItPublishedTogether() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let plan = try fixture.registry.plan(try Self.submissions([Samples.salesDomain]), actor: .localAdmin, commit: true, prune: true)
        #expect(plan.documents.map(\.action) == [.unchanged, .retire, .retire], "\(plan.documents.compactMap(\.refusal))")
        #expect(plan.documents.dropFirst().map(\.kind) == ["DataProduct", "DataContract"])
        #expect(plan.applied)
    }
}
