import Foundation
import JSON
import Testing

/// `meshreg contract project` run as a user would, on the shipped mesh.
@Suite struct ContractProjectCommandTests {
    static let domains = MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path

    @Test func projectsARegisteredVersionInEachLanguage() throws {
        let workspace = try Workspace()
        let applied = try MeshregProcess.run(["apply", Self.domains, "--db", workspace.database("mesh.sqlite")], in: workspace.url)
        #expect(applied.status == 0, "\(applied.standardError)")
        let avro = try MeshregProcess.run(["contract", "project", "orders.order-events@1.1.0", "--db", workspace.database("mesh.sqlite")], in: workspace.url)
        #expect(avro.status == 0, "\(avro.standardError)")
        let schema = try JSONParser.parse(avro.standardOutput)
        #expect(schema["type"] == "record" && schema["namespace"] == "com.retail.orders", "the schema object's namespace custom property names it")
        #expect(schema["fields"]?.arrayValue?.count == 10)
        #expect(avro.standardError.contains("not a domain rule: /schema/0/properties/6/logicalTypeOptions/multipleOf"))

        let whole = try MeshregProcess.run(["contract", "project", "orders.order-events@1.1.0", "--db", workspace.database("mesh.sqlite"), "--format", "json", "--type", "protobuf"], in: workspace.url)
        let projection = try JSONParser.parse(whole.standardOutput)
        #expect(projection["subject"] == "orders.order-events.v1-value" && projection["schemaType"] == "PROTOBUF")
        #expect(projection["metadata"]?["properties"]?["contract"] == "orders.order-events@1.1.0")
        #expect(projection["ruleSet"]?["domainRules"]?.arrayValue?.count == 6)
        #expect(projection["skipped"]?.arrayValue?.isEmpty == false)

        let proto = try MeshregProcess.run(["contract", "project", "orders.order-events@1.0.0", "--db", workspace.database("mesh.sqlite"), "--format", "protobuf"], in: workspace.url)
        #expect(proto.standardOutput.hasPrefix("syntax = \"proto3\";\n"))
        #expect(!proto.standardOutput.contains("coupon_code"), "1.0.0 has no coupon_code")
    }

    /// With --server the contract is read through the API and projected exactly as from its file.
    @Test func projectsAVersionReadFromTheService() throws {
        let workspace = try Workspace()
        let server = try ServerProcess(workspace: workspace, database: "served.sqlite")
        defer { _ = server.stop() }
        let file = MeshregProcess.repositoryRoot.appendingPathComponent("Domains/clickstream/contracts/clickstream.page-views.odcs.yaml").path
        let remote = try MeshregProcess.run(["contract", "project", "clickstream.page-views@2.0.0", "--format", "json",
                                             "--server", "http://127.0.0.1:\(server.port)", "--token", server.adminToken], in: workspace.url)
        #expect(remote.status == 0, "\(remote.standardError)")
        let local = try MeshregProcess.run(["contract", "project", "--file", file, "--format", "json"], in: workspace.url)
        #expect(remote.standardOutput == local.standardOutput)
        #expect(try JSONParser.parse(remote.standardOutput)["subject"] == "clickstream.page-views.v2-value")
    }

    /// `--key` prints the record key of a contract that marks it, and says where to mark it
    /// for one that does not, with the line of the file.
    @Test func keyProjectsThePartitionedPropertiesOrSaysWhereToMarkThem() throws {
        let root = MeshregProcess.repositoryRoot.appendingPathComponent("Domains")
        let pageViews = root.appendingPathComponent("clickstream/contracts/clickstream.page-views.odcs.yaml").path
        let key = try MeshregProcess.run(["contract", "project", "--file", pageViews, "--key", "--format", "json"])
        #expect(key.status == 0, "\(key.standardError)")
        let projection = try JSONParser.parse(key.standardOutput)
        #expect(projection["subject"] == "clickstream.page-views.v2-key")
        let schema = try JSONParser.parse(projection["schema"]?.stringValue ?? "")
        #expect(schema["name"] == "page_viewKey" && schema["fields"] == [["name": "anonymous_id", "doc": "First-party cookie or app install id.", "type": "string"]])
        let changes = root.appendingPathComponent("catalog/contracts/catalog.product-changes.odcs.yaml").path
        let refused = try MeshregProcess.run(["contract", "project", "--file", changes, "--key"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("/schema/0/properties: no property of product_changed has partitioned: true"), "\(refused.standardError)")
        #expect(refused.standardError.contains("catalog.product-changes.odcs.yaml:"), "\(refused.standardError)")
    }

    @Test func aFileWithoutAKafkaServerIsRefusedWithItsLine() throws {
        let file = MeshregProcess.repositoryRoot.appendingPathComponent("Domains/orders/contracts/orders.order-history.odcs.yaml").path
        let refused = try MeshregProcess.run(["contract", "project", "--file", file])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("orders.order-history.odcs.yaml:23:3: /servers: the contract has no server of type kafka"), "\(refused.standardError)")
        let unknown = try MeshregProcess.run(["contract", "project", "--file", file, "--format", "csv"])
        #expect(unknown.status == 2)
        let missing = try MeshregProcess.run(["contract", "project", "orders.order-events"])
        #expect(missing.status == 2 && missing.standardError.contains("<id>@<version>"), "\(missing.standardError)")
    }
}
