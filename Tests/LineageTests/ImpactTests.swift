import JSON
import Lineage
import MeshModel
import Testing

struct ImpactTests {
    private let topic = DatasetIdentifier(namespace: "kafka://kafka-1.retail.internal:9092", name: "orders.order-events.v1")
    private let orderHistory = DatasetIdentifier(namespace: "s3://retail-lakehouse-prod", name: "warehouse/orders/order_history")
    private let hiveTable = DatasetIdentifier(namespace: "hive://metastore.retail.internal:9083", name: "orders.order_history")
    private let churnRisk = DatasetIdentifier(namespace: "snowflake://retail-prod.eu-central-1", name: "MARKETING.SCORES.CHURN_RISK")
    private let audiences = DatasetIdentifier(namespace: "snowflake://retail-prod.eu-central-1", name: "MARKETING.AUDIENCES.CAMPAIGN_AUDIENCES")

    @Test func droppingAColumnReachesProductsAndColumnsNearestFirst() throws {
        let graph = try Fixture.retailGraphWithEvents()
        let report = try graph.impact(of: [BrokenContract(contract: ContractReference(id: "orders.order-events", version: "1.1.0"), properties: ["customer_id"])])
        #expect(report.products.first?.id == "order-history")
        #expect(report.products.first?.distance == 1)
        #expect(report.products.map(\.distance) == report.products.map(\.distance).sorted())
        #expect(Set(report.products.map(\.id)).isSuperset(of: ["order-history", "ChurnRiskScores", "product-similarity", "campaign-audiences"]))
        #expect(report.columns.map(\.id) == [
            .column(orderHistory, field: "customer_id"), .column(hiveTable, field: "customer_id"),
            .column(churnRisk, field: "customer_id"), .column(audiences, field: "customer_id"),
        ])
        #expect(report.columns.map(\.distance) == [1, 2, 3, 4])
        #expect(report.columns.map(\.product) == ["order-history", "order-history", "ChurnRiskScores", "campaign-audiences"])
        let churn = try #require(report.products.first { $0.id == "ChurnRiskScores" })
        #expect(churn.team == "campaign-analytics")
        #expect(churn.columns == [.column(churnRisk, field: "customer_id")])
        #expect(churn.ports == [.port(product: "ChurnRiskScores", name: "churn-scores", version: "1.0.0")])
        #expect(report.teams.contains("order-platform"))
        #expect(report.teams.contains("campaign-analytics"))
    }

    @Test func aPortIsImpactedOnlyThroughTheInputsThatFeedIt() throws {
        let graph = try Fixture.retailGraph()
        let report = try graph.impact(of: [BrokenContract(contract: ContractReference(id: "clickstream.sessions", version: "1.0.0"))])
        let userFeatures = try #require(report.products.first { $0.id == "user-features" })
        #expect(userFeatures.ports == [.port(product: "user-features", name: "offline-features", version: "1.3.0")])
        #expect(report.products.map(\.id) == ["user-features", "ChurnRiskScores"], "only the offline features read sessions")
        #expect(report.columns.isEmpty)
        let downstream = try graph.traverse(from: .contract("clickstream.sessions", version: "1.0.0"), direction: .downstream, depth: 20)
        #expect(downstream.distance(to: .product("realtime-recommendations")) != nil, "plain lineage does not refine")
    }

    @Test func grantHoldersAreImpactedTeams() throws {
        var graph = try Fixture.retailGraph()
        graph.add(LineageEdge(from: .port(product: "order-history", name: "order-lines", version: "1.0.0"), to: .team("finance-reporting"), kind: .grant))
        let report = try graph.impact(of: [BrokenContract(contract: ContractReference(id: "orders.order-events", version: "1.1.0"))])
        #expect(report.teams.contains("finance-reporting"))
    }

    @Test func anUnknownContractIsAnError() throws {
        let graph = try Fixture.retailGraph()
        #expect(throws: LineageQueryError.self) { try graph.impact(of: [BrokenContract(contract: ContractReference(id: "nope", version: "1.0.0"))]) }
    }

    @Test(arguments: [
        ("/schema/0/properties/3", "customer_id"),
        ("/schema/0/properties/3/logicalType", "customer_id"),
        ("/schema/0/properties/7/items/properties/0", "lines.sku"),
        ("/schema/0/properties/7/items/properties/1/logicalTypeOptions/minimum", "lines.quantity"),
        ("/schema/0/properties/7", "lines"),
    ])
    func resolvesCompatibilityPointersToPropertyNames(pointer: String, name: String) throws {
        let contract = try #require(try Fixture.retailMesh().contracts.first { $0.id == "orders.order-events" && $0.versionText == "1.1.0" })
        let broken = BrokenContract(document: contract, pointers: [try #require(JSONPointer(pointer))])
        #expect(broken.properties == [name])
        #expect(broken.contract == ContractReference(id: "orders.order-events", version: "1.1.0"))
    }

    @Test func pointersOutsideTheSchemaNameNoProperty() throws {
        let contract = try #require(try Fixture.retailMesh().contracts.first { $0.id == "orders.order-events" && $0.versionText == "1.1.0" })
        #expect(BrokenContract(document: contract, pointers: [JSONPointer(tokens: ["servers", "0", "host"]), JSONPointer(tokens: ["schema", "0"])]).properties.isEmpty)
    }
}
