import Foundation
import JSON
import Synchronization
import Testing

/// The CLI against a real `meshreg serve` process: a domain team's CI planning and applying its
/// repository with the team's token.
@Suite struct RemoteCommandTests {
    /// A running server loaded with the retail mesh, a workspace holding the orders domain's
    /// tree with order-history renamed, and tokens for the orders owner and an outsider.
    final class Setup {
        let workspace: Workspace
        let server: ServerProcess
        let ownerToken: String
        let outsiderToken: String
        var url: String { "http://127.0.0.1:\(server.port)" }

        init() throws {
            workspace = try Workspace()
            server = try ServerProcess(workspace: workspace, database: "served.sqlite")
            ownerToken = try Self.issue("david.kim", database: server.databasePath)
            outsiderToken = try Self.issue("sam.lee", database: server.databasePath)
            try FileManager.default.copyItem(at: MeshregProcess.repositoryRoot.appendingPathComponent("Domains/orders"),
                                             to: workspace.url.appendingPathComponent("orders"))
            let product = workspace.url.appendingPathComponent("orders/products/order-history.odps.yaml")
            let renamed = try String(contentsOf: product, encoding: .utf8).replacing("\nname: Order History\n", with: "\nname: Order History (daily)\n")
            try renamed.write(to: product, atomically: true, encoding: .utf8)
        }

        static func issue(_ user: String, database: String) throws -> String {
            let issued = try MeshregProcess.run(["token", "issue", "--user", user, "--db", database])
            return issued.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func meshreg(_ arguments: [String], token: String? = nil) throws -> MeshregProcess.Outcome {
            try MeshregProcess.run(arguments + ["--server", url] + (token.map { ["--token", $0] } ?? []), in: workspace.url)
        }

        func revision(of product: String) throws -> Int64? {
            let answer = try server.send("GET", "/api/v1/products/\(product)", token: server.adminToken)
            return try JSONParser.parse(answer.body)["revision"]?.integerValue
        }

        deinit { _ = server.stop() }
    }

    @Test func anotherTeamsTokenIsRefusedNothingIsWrittenAndTheRefusalIsAudited() throws {
        let setup = try Setup()
        let refused = try setup.meshreg(["apply", "orders"], token: setup.outsiderToken)
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(refused.standardError.hasPrefix("error: forbidden: "))
        #expect(!refused.standardError.contains("{"), "a problem, never its JSON")
        #expect(refused.standardOutput.contains("refuse  DataProduct  order-history"))
        #expect(try setup.revision(of: "order-history") == 1)
        let audit = try setup.server.send("GET", "/api/v1/audit?actor=sam.lee&outcome=refused", token: setup.server.adminToken)
        // Every product and contract file of the tree; its domain file is unchanged, a no-op anyone may send.
        #expect((try JSONParser.parse(audit.body)["items"]?.arrayValue ?? []).count == 5)
    }

    @Test func theOwnerPlansAppliesAndReappliesAsNoOp() throws {
        let setup = try Setup()
        let tokenFile = try setup.workspace.write("token", setup.ownerToken)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile)
        let plan = try setup.meshreg(["plan", "orders", "--format", "json", "--token-file", tokenFile])
        #expect(plan.status == 0, "\(plan.standardError)")
        let planned = try JSONParser.parse(plan.standardOutput)
        #expect(planned["summary"]?["change"] == 1)
        #expect(planned["documents"]?.arrayValue?.first { $0["action"] == "change" }?["path"] == "orders/products/order-history.odps.yaml")
        #expect(try setup.revision(of: "order-history") == 1, "a plan writes nothing")

        let applied = try setup.meshreg(["apply", "orders", "--token-file", tokenFile])
        #expect(applied.status == 0, "\(applied.standardError)")
        #expect(applied.standardOutput.contains("plan: 0 to add, 1 to change"))
        #expect(try setup.revision(of: "order-history") == 2)
        let again = try setup.meshreg(["apply", "orders", "--token-file", tokenFile])
        #expect(again.status == 0)
        #expect(again.standardOutput.contains("0 to change, 0 to retire, 0 refused, 6 unchanged"))
        #expect(try setup.revision(of: "order-history") == 2)
    }

    @Test func badTokensLooseTokenFilesAndAsAreRefused() throws {
        let setup = try Setup()
        let wrong = try setup.meshreg(["plan", "orders"], token: "meshreg_nope")
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("unauthenticated: "))
        let loose = try setup.workspace.write("loose-token", setup.ownerToken)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: loose)
        let refusedFile = try setup.meshreg(["plan", "orders", "--token-file", loose])
        #expect(refusedFile.status == 2)
        #expect(refusedFile.standardError.contains("chmod 600"))
        let actingAs = try setup.meshreg(["apply", "orders", "--as", "david.kim"], token: setup.ownerToken)
        #expect(actingAs.status == 2)
        #expect(actingAs.standardError.contains("--as"))
    }

    @Test func readsAndRetiresGoThroughTheServiceWithTheToken() throws {
        let setup = try Setup()
        let list = try setup.meshreg(["list", "products", "--format", "json"], token: setup.ownerToken)
        #expect(list.status == 0, "\(list.standardError)")
        #expect((try JSONParser.parse(list.standardOutput)["items"]?.arrayValue ?? []).count > 10)
        let table = try setup.meshreg(["list", "products", "--domain", "orders"], token: setup.ownerToken)
        #expect(table.standardOutput.hasPrefix("ID"))
        #expect(table.standardOutput.contains("order-history"))
        let contract = try setup.meshreg(["get", "contract", "orders.order-events"], token: setup.ownerToken)
        #expect(try JSONParser.parse(contract.standardOutput)["document"]?["version"] == "1.1.0")
        let lineage = try setup.meshreg(["lineage", "online-orders", "--downstream", "--format", "mermaid"], token: setup.ownerToken)
        #expect(lineage.status == 0)
        #expect(lineage.standardOutput.hasPrefix("flowchart"))
        #expect(try setup.meshreg(["audit", "verify"], token: setup.ownerToken).status == 0)
        #expect(try setup.meshreg(["access", "list"], token: setup.ownerToken).status == 0)
        let missing = try setup.meshreg(["get", "product", "no-such-product"], token: setup.ownerToken)
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("error: not-found: "))
        let retire = try setup.meshreg(["retire", "product", "order-history"], token: setup.outsiderToken)
        #expect(retire.status == 1)
        #expect(retire.standardError.contains("forbidden: "))
    }

    @Test func compatChecksAContractAgainstTheServicesRegisteredLine() throws {
        let setup = try Setup()
        let contracts = setup.workspace.url.appendingPathComponent("orders/contracts")
        var contract = try String(contentsOf: contracts.appendingPathComponent("orders.order-events-v1.1.0.odcs.yaml"), encoding: .utf8)
        contract = contract.replacing("version: 1.1.0", with: "version: 1.2.0").replacing("name: order_id\n        logicalType: string\n        physicalType: string\n", with: "name: order_id\n        logicalType: integer\n        physicalType: long\n")
        _ = try setup.workspace.write("proposed.odcs.yaml", contract)
        let outcome = try setup.meshreg(["compat", "proposed.odcs.yaml", "--format", "json"], token: setup.ownerToken)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let answer = try JSONParser.parse(outcome.standardOutput)
        #expect(answer["isCompatible"] == false)
        #expect(answer["previousVersion"] == "1.1.0")
    }

    @Test func aBreakingChangesPlanNamesTheDownstreamTeamsAndColumns() throws {
        let setup = try Setup()
        let event = try String(contentsOf: MeshregProcess.repositoryRoot.appendingPathComponent("Tests/LineageTests/Fixtures/openlineage/spark-order-history-complete.json"), encoding: .utf8)
        let ingested = try setup.server.send("POST", "/api/v1/lineage", token: setup.server.adminToken, contentType: "application/json", body: event)
        #expect(ingested.status == 201)
        let contracts = setup.workspace.url.appendingPathComponent("orders/contracts")
        var contract = try String(contentsOf: contracts.appendingPathComponent("orders.order-events-v1.1.0.odcs.yaml"), encoding: .utf8)
        contract = contract.replacing("version: 1.1.0", with: "version: 1.2.0")
        let orderID = try #require(contract.range(of: "      - id: order_id_prop\n"))
        let next = try #require(contract.range(of: "      - id: ", range: orderID.upperBound..<contract.endIndex))
        contract.removeSubrange(orderID.lowerBound..<next.lowerBound)
        _ = try setup.workspace.write("orders/contracts/orders.order-events-v1.2.0.odcs.yaml", contract)

        let outcome = try setup.meshreg(["plan", "orders", "--format", "json"], token: setup.ownerToken)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let documents = try JSONParser.parse(outcome.standardOutput)["documents"]?.arrayValue ?? []
        let planned = try #require(documents.first { $0["version"] == "1.2.0" })
        #expect(planned["refusal"]?["code"] == "incompatible")
        let impact = planned["impact"]?.arrayValue ?? []
        let teams = Set(impact.compactMap { $0["team"]?.stringValue })
        #expect(teams.isSuperset(of: ["order-platform", "reco-features", "campaign-analytics"]))
        let history = try #require(impact.first { $0["product"] == "order-history" })
        #expect((history["columns"]?.arrayValue ?? []).contains { $0.stringValue?.contains("order_id") == true }, "\(history)")
    }

    @Test func twoTeamsApplyingAtOnceBothSucceedAndTheRegistryStaysConsistent() throws {
        let setup = try Setup()
        let customersOwner = try Setup.issue("alice.nguyen", database: setup.server.databasePath)
        let profiles = try String(contentsOf: MeshregProcess.repositoryRoot.appendingPathComponent("Domains/customers/products/customer-profiles.odps.yaml"), encoding: .utf8)
        _ = try setup.workspace.write("customers/customer-profiles.odps.yaml",
                                      profiles.replacing("\nname: Customer Profiles\n", with: "\nname: Customer Profiles (daily)\n"))
        let runs: [(tree: String, token: String)] = [("orders", setup.ownerToken), ("customers", customersOwner)]
        let statuses = Mutex([Int32](repeating: -1, count: runs.count))
        let (directory, server) = (setup.workspace.url, setup.url)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let outcome = try? MeshregProcess.run(["apply", runs[index].tree, "--server", server, "--token", runs[index].token], in: directory)
            statuses.withLock { $0[index] = outcome?.status ?? -1 }
        }
        #expect(statuses.withLock { $0 } == [0, 0])
        #expect(try setup.revision(of: "order-history") == 2)
        #expect(try setup.revision(of: "customer-profiles") == 2)
        let verified = try setup.server.send("GET", "/api/v1/audit/verify", token: setup.server.adminToken)
        #expect(try JSONParser.parse(verified.body)["intact"] == true, "\(verified.body)")
    }

    /// On a subject no contract drives (an admin's), so the hand-written schema is the subject's only version.
    @Test func compatChecksASchemaAgainstASubjectsRegisteredVersions() throws {
        let setup = try Setup()
        let registered = try setup.server.send("POST", "/apis/ccompat/v7/subjects/scratch.events-value/versions", token: setup.server.adminToken,
                                               contentType: "application/vnd.schemaregistry.v1+json",
                                               body: #"{"schema": "{\"type\":\"record\",\"name\":\"E\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}"}"#)
        #expect(registered.status == 200, "\(registered.body)")
        _ = try setup.workspace.write("same.avsc", #"{"type":"record","name":"E","fields":[{"name":"a","type":"int"}]}"#)
        _ = try setup.workspace.write("changed.avsc", #"{"type":"record","name":"E","fields":[{"name":"a","type":"string"}]}"#)
        let same = try setup.meshreg(["compat", "same.avsc", "--subject", "scratch.events-value"], token: setup.ownerToken)
        #expect(same.status == 0, "\(same.standardError)")
        let changed = try setup.meshreg(["compat", "changed.avsc", "--subject", "scratch.events-value"], token: setup.ownerToken)
        #expect(changed.status == 1)
        #expect(changed.standardOutput.hasPrefix("INCOMPATIBLE"))
        #expect(changed.standardOutput.contains("string cannot read int"))
    }

    @Test func anUnreachableServerExitsTwoNamingTheURLWithinTheTimeout() throws {
        let workspace = try Workspace()
        _ = try workspace.write("tree/domain.yaml", "apiVersion: meshreg/v1\nkind: Domain\nname: sales\nteams: []\n")
        let started = Date()
        let outcome = try MeshregProcess.run(["plan", "tree", "--server", "http://127.0.0.1:9", "--token", "t", "--timeout", "5"], in: workspace.url)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("http://127.0.0.1:9"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aServerThatNeverAnswersIsCutByTheTimeout() throws {
        // A socket that accepts connections (the kernel completes them) and never answers.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                try #require(bind(listener, socketAddress, length) == 0 && listen(listener, 8) == 0)
                try #require(getsockname(listener, socketAddress, &length) == 0)
            }
        }
        let url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        let started = Date()
        let outcome = try MeshregProcess.run(["list", "products", "--server", url, "--token", "t", "--timeout", "2"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(url) && outcome.standardError.contains("--timeout"), "\(outcome.standardError)")
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func theGitOpsScriptPlansToMarkdownThenApplies() throws {
        let setup = try Setup()
        let script = MeshregProcess.repositoryRoot.appendingPathComponent("docs/gitops/meshreg-ci.sh").path
        let environment = ["PATH": MeshregProcess.executable.deletingLastPathComponent().path + ":/usr/bin:/bin",
                           "MESHREG_URL": setup.url, "MESHREG_TOKEN": setup.ownerToken, "MESHREG_PLAN_FILE": setup.workspace.path("plan.md")]
        let bash = URL(fileURLWithPath: "/bin/bash")
        let plan = try MeshregProcess.run([script, "plan", "orders"], in: setup.workspace.url, environment: environment, program: bash)
        #expect(plan.status == 0, "\(plan.standardError)")
        let markdown = try String(contentsOfFile: setup.workspace.path("plan.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("### meshreg plan: 0 to add, 1 to change"))
        #expect(markdown.contains("<details><summary>🟡 change DataProduct order-history"))
        #expect(try setup.revision(of: "order-history") == 1, "a plan writes nothing")
        let apply = try MeshregProcess.run([script, "apply", "orders"], in: setup.workspace.url, environment: environment, program: bash)
        #expect(apply.status == 0, "\(apply.standardError)")
        #expect(try setup.revision(of: "order-history") == 2)
        let refused = try MeshregProcess.run([script, "apply", "orders"], in: setup.workspace.url,
                                             environment: environment.merging(["MESHREG_TOKEN": setup.outsiderToken]) { $1 }, program: bash)
        #expect(refused.status == 1, "another team's token is refused: \(refused.standardError)")
    }
}
