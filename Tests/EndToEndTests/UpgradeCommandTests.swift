import Foundation
import JSON
import Testing

/// `meshreg upgrade` run as a user would, on files it edits in place.
@Suite struct UpgradeCommandTests {
    static let product = """
        # A product on ODPS v1.0.0; this comment stays.
        apiVersion: v1.0.0   # the version line keeps its comment too
        kind: DataProduct
        id: web-orders
        name: Web Orders
        version: 1.0.0
        status: active
        domain: orders
        team:
          name: order-platform
          members:
            - username: david.kim
              role: owner
        customProperties:
          - property: productType
            value: sourceAligned
        productCreatedTs: "2021-06-01T06:00:00Z"

        """

    static let contract = """
        {
          "apiVersion": "v3.1.0",
          "kind": "DataContract",
          "id": "orders.web",
          "version": "1.0.0",
          "status": "active"
        }
        """

    @Test func checkReportsThenUpgradeRewritesOnlyWhatTheVersionNeeds() throws {
        let workspace = try Workspace()
        let product = try workspace.write("web-orders.odps.yaml", Self.product)
        let contract = try workspace.write("orders.web.odcs.json", Self.contract)
        let check = try MeshregProcess.run(["upgrade", product, contract, "--check"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("web-orders.odps.yaml: would upgrade ODPS v1.0.0 → v1.1.0"))
        #expect(check.standardOutput.contains("  /type: sourceAligned"))
        #expect(check.standardOutput.contains("orders.web.odcs.json: would upgrade ODCS v3.1.0 → v3.2.0"))
        #expect(try String(contentsOfFile: product, encoding: .utf8) == Self.product, "--check writes nothing")

        let upgrade = try MeshregProcess.run(["upgrade", product, contract])
        #expect(upgrade.status == 0, "\(upgrade.standardOutput)\(upgrade.standardError)")
        let expectedProduct = Self.product
            .replacingOccurrences(of: "apiVersion: v1.0.0   #", with: "apiVersion: v1.1.0   #")
            .replacingOccurrences(of: "domain: orders\n", with: "domain: orders\ntype: sourceAligned\n")
            .replacingOccurrences(of: "customProperties:\n  - property: productType\n    value: sourceAligned\n", with: "")
        #expect(try String(contentsOfFile: product, encoding: .utf8) == expectedProduct)
        #expect(try String(contentsOfFile: contract, encoding: .utf8) == Self.contract.replacingOccurrences(of: "v3.1.0", with: "v3.2.0"))

        let again = try MeshregProcess.run(["upgrade", product, contract, "--check", "--format", "json"])
        #expect(again.status == 0)
        let report = try JSONParser.parse(again.standardOutput)
        #expect(report.arrayValue?.map { $0["changed"] } == [false, false])
        #expect(report.arrayValue?.map { $0["to"] } == ["v1.1.0", "v3.2.0"])
    }

    @Test func aFileThatWouldNotValidateIsLeftAsItWas() throws {
        let workspace = try Workspace()
        let broken = Self.product.replacingOccurrences(of: "kind: DataProduct\n", with: "kind: DataProduct\ncolour: red\n")
        let file = try workspace.write("broken.odps.yaml", broken)
        let result = try MeshregProcess.run(["upgrade", file, "--format", "json"])
        #expect(result.status == 1)
        let error = try JSONParser.parse(result.standardOutput)[0]?["error"]?.stringValue ?? ""
        #expect(error.contains("/colour"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == broken)
    }

    @Test func anUnknownTargetIsAUsageErrorListingTheVersions() throws {
        let workspace = try Workspace()
        let file = try workspace.write("orders.web.odcs.json", Self.contract)
        let result = try MeshregProcess.run(["upgrade", file, "--to", "v3.9.0"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("v3.2.0, v3.1.0"))
        #expect(try MeshregProcess.run(["upgrade", "--help"]).standardOutput.contains("--check"))
    }

    @Test func theShippedMeshIsCurrentExceptItsOneOlderDocumentOfEachKind() throws {
        let domains = MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path
        let result = try MeshregProcess.run(["upgrade", domains, "--check", "--format", "json"])
        let report = try #require(try JSONParser.parse(result.standardOutput).arrayValue)
        let pending = report.filter { $0["changed"] == true }.compactMap { $0["file"]?.stringValue?.split(separator: "/").last.map(String.init) }
        #expect(pending.sorted() == ["ChurnRiskScores.odps.yaml", "orders.order-events-v1.0.0.odcs.yaml"])
        #expect(report.count >= 30)
        #expect(result.status == 1)
    }
}
