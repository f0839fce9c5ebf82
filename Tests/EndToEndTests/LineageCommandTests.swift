import Foundation
import JSON
import Testing

/// `meshreg lineage` and `meshreg impact`, by running the binary on the shipped mesh.
@Suite struct LineageCommandTests {
    let domains = MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path

    private func appliedMesh() throws -> (Workspace, String) {
        let workspace = try Workspace()
        let database = try workspace.database("mesh.sqlite")
        let apply = try MeshregProcess.run(["apply", domains, "--db", database])
        #expect(apply.status == 0, "\(apply.standardError)")
        return (workspace, database)
    }

    @Test func lineagePrintsATableOrDOTOrMermaidOrJSON() throws {
        let (workspace, database) = try appliedMesh()
        defer { withExtendedLifetime(workspace) {} }
        let table = try MeshregProcess.run(["lineage", "online-orders", "--downstream", "--depth", "3", "--db", database])
        #expect(table.status == 0, "\(table.standardError)")
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("DISTANCE  KIND") == true)
        #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("product") && $0.contains("order-history") && $0.contains("order-platform") })
        #expect(!lines.contains { $0.hasPrefix("4 ") })
        let upstream = try MeshregProcess.run(["lineage", "order-history", "--upstream", "--db", database])
        #expect(upstream.standardOutput.contains("online-orders"))
        #expect(!upstream.standardOutput.contains("ChurnRiskScores"))

        let dot = try MeshregProcess.run(["lineage", "online-orders", "--format", "dot", "--db", database])
        #expect(dot.status == 0)
        #expect(dot.standardOutput.hasPrefix("digraph lineage {"))
        let mermaid = try MeshregProcess.run(["lineage", "online-orders", "--format", "mermaid", "--db", database])
        #expect(mermaid.standardOutput.hasPrefix("flowchart LR\n"))
        let json = try MeshregProcess.run(["lineage", "online-orders", "--format", "json", "--db", database])
        #expect(try JSONParser.parse(json.standardOutput)["nodes"]?.arrayValue?.isEmpty == false)
    }

    @Test func lineageRefusesUnknownProductsAndBadOptions() throws {
        let (workspace, database) = try appliedMesh()
        defer { withExtendedLifetime(workspace) {} }
        let unknown = try MeshregProcess.run(["lineage", "no-such-product", "--db", database])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no product no-such-product"))
        #expect(try MeshregProcess.run(["lineage", "online-orders", "--upstream", "--downstream", "--db", database]).status == 2)
        #expect(try MeshregProcess.run(["lineage", "online-orders", "--format", "svg", "--db", database]).status == 2)
        #expect(try MeshregProcess.run(["lineage", "online-orders", "--depth", "x", "--db", database]).status == 2)
    }

    @Test func impactExitsOneWhenSomethingDownstreamBreaksAndZeroOtherwise() throws {
        let (workspace, database) = try appliedMesh()
        let current = try String(contentsOfFile: domains + "/orders/contracts/orders.order-events-v1.1.0.odcs.yaml", encoding: .utf8)
        let start = try #require(current.range(of: "      - id: customer_id_prop"))
        let end = try #require(current.range(of: "      - id: sales_channel_prop"))
        let dropped = String(current[..<start.lowerBound] + current[end.lowerBound...]).replacingOccurrences(of: "version: 1.1.0", with: "version: 1.2.0")
        let breaking = try MeshregProcess.run(["impact", try workspace.write("dropped.yaml", dropped), "--db", database])
        #expect(breaking.status == 1, "\(breaking.standardError)")
        #expect(breaking.standardOutput.contains("breaks orders.order-events@1.1.0: customer_id"))
        let rows = breaking.standardOutput.split(separator: "\n").filter { $0.contains("order-history") || $0.contains("user-features") }
        #expect(rows.count == 2)
        #expect(breaking.standardOutput.contains("teams to tell:"))

        let same = current.replacingOccurrences(of: "version: 1.1.0", with: "version: 1.1.1")
        let compatible = try MeshregProcess.run(["impact", try workspace.write("same.yaml", same), "--db", database])
        #expect(compatible.status == 0, "\(compatible.standardOutput)\(compatible.standardError)")
        #expect(compatible.standardOutput.contains("breaks nothing"))
        #expect(try MeshregProcess.run(["impact", workspace.path("missing.yaml"), "--db", database]).status == 2)
    }
}
