import Foundation
import JSON
import Testing

/// `meshreg plan` on a local registry, driven by running the binary.
@Suite struct PlanCommandTests {
    static let policies = MeshregProcess.repositoryRoot.appendingPathComponent("Policies").path

    /// The retail mesh applied, then changed: order-events 1.2.0 drops `order_id` (breaking within
    /// its major line) and order-history gets a new name.
    static func changedMesh() throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: MeshregProcess.repositoryRoot.appendingPathComponent("Domains"), to: workspace.url.appendingPathComponent("Domains"))
        let applied = try MeshregProcess.run(["apply", "Domains", "--db", workspace.database("mesh.sqlite"), "--policies", policies], in: workspace.url)
        #expect(applied.status == 0, "\(applied.standardError)")
        let contracts = workspace.url.appendingPathComponent("Domains/orders/contracts")
        var contract = try String(contentsOf: contracts.appendingPathComponent("orders.order-events-v1.1.0.odcs.yaml"), encoding: .utf8)
        contract = contract.replacing("version: 1.1.0", with: "version: 1.2.0")
        let orderID = try #require(contract.range(of: "      - id: order_id_prop\n"))
        let next = try #require(contract.range(of: "      - id: ", range: orderID.upperBound..<contract.endIndex))
        contract.removeSubrange(orderID.lowerBound..<next.lowerBound)
        _ = try workspace.write("Domains/orders/contracts/orders.order-events-v1.2.0.odcs.yaml", contract)
        let product = workspace.url.appendingPathComponent("Domains/orders/products/order-history.odps.yaml")
        let renamed = try String(contentsOf: product, encoding: .utf8).replacing("\nname: Order History\n", with: "\nname: Order History (daily)\n")
        try renamed.write(to: product, atomically: true, encoding: .utf8)
        return workspace
    }

    @Test func anUnchangedTreePlansNothingAndExitsZero() throws {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: MeshregProcess.repositoryRoot.appendingPathComponent("Domains"), to: workspace.url.appendingPathComponent("Domains"))
        let fresh = try MeshregProcess.run(["plan", "Domains", "--db", workspace.database("mesh.sqlite"), "--policies", Self.policies, "--format", "json"], in: workspace.url)
        #expect(fresh.status == 0, "\(fresh.standardError)")
        let planned = try JSONParser.parse(fresh.standardOutput)
        let added = planned["summary"]?["add"]?.integerValue ?? 0
        #expect(added > 30)
        let warnings = (planned["documents"]?.arrayValue ?? []).flatMap { $0["violations"]?.arrayValue ?? [] }
        #expect(warnings.contains { $0["policy"] == "product-purpose-and-support" && $0["severity"] == "warn" && $0["message"]?.stringValue?.isEmpty == false },
                "each policy decision comes with its policy's name, severity and message")
        #expect(try MeshregProcess.run(["apply", "Domains", "--db", workspace.database("mesh.sqlite")], in: workspace.url).status == 0)
        let again = try MeshregProcess.run(["plan", "Domains", "--db", workspace.database("mesh.sqlite"), "--format", "json"], in: workspace.url)
        #expect(again.status == 0)
        #expect(try JSONParser.parse(again.standardOutput)["summary"] == ["add": 0, "change": 0, "unchanged": .integer(added), "retire": 0, "refuse": 0])
    }

    @Test func aBreakingChangeIsRefusedNamingTheFieldsFindingsAndDownstreamTeams() throws {
        let workspace = try Self.changedMesh()
        let outcome = try MeshregProcess.run(["plan", "Domains", "--db", workspace.database("mesh.sqlite"), "--policies", Self.policies, "--format", "json"], in: workspace.url)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let plan = try JSONParser.parse(outcome.standardOutput)
        let documents = plan["documents"]?.arrayValue ?? []
        let contract = try #require(documents.first { $0["id"] == "orders.order-events" && $0["version"] == "1.2.0" })
        #expect(contract["action"] == "refuse")
        #expect(contract["path"] == "Domains/orders/contracts/orders.order-events-v1.2.0.odcs.yaml")
        #expect(contract["refusal"]?["code"] == "incompatible")
        #expect(contract["findings"]?.arrayValue?.contains { $0["verdict"] == "breaking" && $0["rule"] == "odcs.property-removed" } == true)
        #expect(contract["semver"]?["suggestedVersion"] == "2.0.0")
        let teams = Set((contract["impact"]?.arrayValue ?? []).compactMap { $0["team"]?.stringValue })
        #expect(teams.isSuperset(of: ["reco-features", "campaign-analytics"]))
        let product = try #require(documents.first { $0["id"] == "order-history" })
        #expect(product["action"] == "change")
        #expect(product["diff"] == [["pointer": "/name", "old": "Order History", "new": "Order History (daily)"]])
        #expect(plan["summary"]?["refuse"] == 1 && plan["summary"]?["change"] == 1)
    }

    @Test func theMarkdownIsAPullRequestCommentThatMatchesItsGoldenFile() throws {
        let workspace = try Self.changedMesh()
        let outcome = try MeshregProcess.run(["plan", "Domains", "--db", workspace.database("mesh.sqlite"), "--policies", Self.policies, "--format", "markdown"], in: workspace.url)
        #expect(outcome.status == 1)
        let golden = MeshregProcess.repositoryRoot.appendingPathComponent("Tests/Golden/plan-breaking-change.md")
        if ProcessInfo.processInfo.environment["MESHREG_UPDATE_GOLDEN"] == "1" {
            try outcome.standardOutput.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(outcome.standardOutput == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(outcome.standardOutput.hasPrefix("### meshreg plan: 0 to add, 1 to change, 0 to retire, 1 refused"))
        #expect(outcome.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 400 }, "no line wider than a pull-request page can fold")
    }

    @Test func compatWithoutAgainstChecksTheRegisteredLine() throws {
        let workspace = try Self.changedMesh()
        let breaking = try MeshregProcess.run(["compat", "Domains/orders/contracts/orders.order-events-v1.2.0.odcs.yaml", "--db", workspace.database("mesh.sqlite")], in: workspace.url)
        #expect(breaking.status == 1, "\(breaking.standardError)")
        #expect(breaking.standardOutput.hasPrefix("INCOMPATIBLE under FULL_TRANSITIVE"))
        let registered = try MeshregProcess.run(["compat", "Domains/orders/contracts/orders.order-events-v1.1.0.odcs.yaml", "--db", workspace.database("mesh.sqlite")], in: workspace.url)
        #expect(registered.status == 0)
        #expect(registered.standardOutput.contains("semver: 1.0.0 → 1.1.0"))
    }

    @Test func aBrokenFileIsBadInputReportedWithItsLineAndColumn() throws {
        let workspace = try Workspace()
        _ = try workspace.write("tree/ok.yaml", "apiVersion: meshreg/v1\nkind: Domain\nname: sales\nteams: []\n")
        _ = try workspace.write("tree/broken.yaml", "kind: DataProduct\nid: [unclosed\n")
        let outcome = try MeshregProcess.run(["plan", "tree", "--db", workspace.database("mesh.sqlite")], in: workspace.url)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("tree/broken.yaml:2:"), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty, "no plan for a tree that does not parse")
    }
}
