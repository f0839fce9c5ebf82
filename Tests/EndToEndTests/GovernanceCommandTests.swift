import Foundation
import JSON
import PostgresTestSupport
import Testing

/// `meshreg audit`, `policy` and `access` as users run them.
@Suite struct GovernanceCommandTests {
    let domains = MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path
    let policies = MeshregProcess.repositoryRoot.appendingPathComponent("Policies").path

    @Test func editingOrDeletingAnAuditRowIsDetected() throws {
        let workspace = try Workspace()
        let database = try workspace.database("audit.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", database, "--policies", policies]).status == 0)
        let intact = try MeshregProcess.run(["audit", "verify", "--db", database])
        #expect(intact.status == 0, "\(intact.standardOutput)")
        // 37 for the documents and policies, and 11 subject registrations: every shipped Kafka
        // contract version projects onto its topic's value subject (7, orders.order-events twice,
        // for 1.0.0 and 1.1.0), and the keyed ones onto its key subject (4: the order events twice,
        // the page views and the consent events).
        #expect(intact.standardOutput.hasPrefix("intact: 48 entries"), "\(intact.standardOutput)")

        try TestEngine.connect(database).execute("UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 5")
        let edited = try MeshregProcess.run(["audit", "verify", "--db", database, "--format", "json"])
        #expect(edited.status == 1)
        #expect(try JSONParser.parse(edited.standardOutput)["firstBroken"]?["sequence"] == 5)

        let other = try workspace.database("deleted.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", other, "--policies", policies]).status == 0)
        let tampered = try TestEngine.connect(other)
        try tampered.execute("DELETE FROM audit_policies WHERE sequence = 9")
        try tampered.execute("DELETE FROM audit_log WHERE sequence = 9")
        let deleted = try MeshregProcess.run(["audit", "verify", "--db", other])
        #expect(deleted.status == 1)
        #expect(deleted.standardOutput.contains("BROKEN at entry 10"))
    }

    @Test func scanListsViolationsAndDryRunsAnotherPolicySet() throws {
        let workspace = try Workspace()
        let database = try workspace.database("scan.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", database, "--policies", policies]).status == 0)
        let scan = try MeshregProcess.run(["audit", "scan", "--db", database, "--policies", policies, "--format", "json"])
        #expect(scan.status == 1)
        #expect(try JSONParser.parse(scan.standardOutput)["items"]?.arrayValue?.count == 7)

        let empty = try workspace.write("none/README.txt", "no policies here")
        _ = empty
        let dryRun = try MeshregProcess.run(["audit", "scan", "--db", database, "--policies", workspace.path("none")])
        #expect(dryRun.status == 0, "an empty set finds nothing")

        let strict = try workspace.write("strict/no-deprecated.yaml", """
            apiVersion: meshreg/v1
            kind: Policy
            metadata:
              name: no-deprecated-products
              description: Nothing deprecated may stay registered.
            spec:
              events: [audit]
              validations:
                - expression: 'product.status != "deprecated"'
                  message: Deprecated products must be retired.
              validationActions: [Audit]
            """)
        _ = strict
        let newSet = try MeshregProcess.run(["audit", "scan", "--db", database, "--policies", workspace.path("strict")])
        #expect(newSet.status == 1)
        #expect(newSet.standardOutput.contains("product-feed-legacy"))
        #expect(newSet.standardOutput.contains("no-deprecated-products"))
    }

    @Test func aBrokenPolicyIsRefusedWithItsPosition() throws {
        let workspace = try Workspace()
        _ = try workspace.write("bad/broken.yaml", """
            apiVersion: meshreg/v1
            kind: Policy
            metadata:
              name: broken
              description: A typo in CEL.
            spec:
              events: [audit]
              validations:
                - expression: 'product.status =! "x"'
                  message: never
              validationActions: [Deny]
            """)
        let result = try MeshregProcess.run(["policy", "list", workspace.path("bad")])
        #expect(result.status == 2)
        #expect(result.standardError.contains("broken.yaml:9:"))
    }

    @Test func shippedPolicyFixturesPass() throws {
        let result = try MeshregProcess.run(["policy", "test", policies])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains(" passed, 0 failed"))
    }

    @Test func accessFlowFromTheCommandLine() throws {
        let workspace = try Workspace()
        let database = try workspace.database("access.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", database, "--policies", policies]).status == 0)
        let request = try MeshregProcess.run([
            "access", "request", "--db", database, "--policies", policies, "--as", "sam.lee", "--format", "json",
            "--product", "customer-profiles", "--port", "profiles", "--team", "campaign-analytics",
            "--purpose", "Consented audiences for the winter campaign",
        ])
        #expect(request.status == 0, "\(request.standardError)")
        let id = try #require(JSONParser.parse(request.standardOutput)["id"]?.stringValue)
        let outsider = try MeshregProcess.run(["access", "approve", id, "--db", database, "--policies", policies, "--as", "sam.lee"])
        #expect(outsider.status == 1)
        let approve = try MeshregProcess.run(["access", "approve", id, "--db", database, "--policies", policies, "--as", "alice.nguyen"])
        #expect(approve.status == 0, "\(approve.standardError)")
        #expect(approve.standardOutput.contains("approved"))
        let log = try MeshregProcess.run(["audit", "log", "--db", database, "--actor", "alice.nguyen", "--format", "json"])
        let lines = log.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(try JSONParser.parse(String(lines[0]))["action"] == "access.approve")
    }
}
