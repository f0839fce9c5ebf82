import JSON
import Lineage
import MeshModel
import Testing

struct DatasetMappingTests {
    @Test(arguments: [
        ("s3a://Bucket-1/", "/warehouse/t/", "s3://Bucket-1", "warehouse/t"),
        ("KAFKA://Broker-1.Internal", "orders", "kafka://broker-1.internal:9092", "orders"),
        ("kafka://b1:9093,b2:9093", "orders", "kafka://b1:9093", "orders"),
        ("postgresql://DB.internal", "shop.public.orders", "postgres://db.internal:5432", "shop.public.orders"),
        ("bigquery", "project.dataset.table", "bigquery", "project.dataset.table"),
    ])
    func normalizesNamespacesTheOpenLineageNamingWay(namespace: String, name: String, expectedNamespace: String, expectedName: String) {
        let normalized = DatasetIdentifier(namespace: namespace, name: name).normalized
        #expect(normalized == DatasetIdentifier(namespace: expectedNamespace, name: expectedName))
    }

    @Test(arguments: [
        ("orders.order-events", "kafka://kafka-1.retail.internal:9092", "orders.order-events.v1"),
        ("orders.order-history", "s3://retail-lakehouse-prod", "warehouse/orders/order_history"),
        ("customers.profiles", "postgres://customers-db-ro.retail.internal:5432", "customers.published.customer_profiles_v2"),
        ("marketing.churn-risk-scores", "snowflake://retail-prod.eu-central-1", "MARKETING.SCORES.CHURN_RISK"),
        ("catalog.product-feed", "s3://retail-feeds-prod", "catalog"),
    ])
    func joinsRetailContractsToDatasetsThroughTheirServers(contractID: String, namespace: String, name: String) throws {
        let contract = try #require(try Fixture.retailMesh().contracts.first { $0.id == contractID })
        #expect(ContractDatasetMapping.datasets(for: contract).contains(DatasetIdentifier(namespace: namespace, name: name)))
    }

    @Test func readsBothDatasetsOfATableServedByIcebergAndTrino() throws {
        let contract = try #require(try Fixture.retailMesh().contracts.first { $0.id == "catalog.products" })
        #expect(ContractDatasetMapping.datasets(for: contract) == [
            DatasetIdentifier(namespace: "s3://retail-lakehouse-prod", name: "warehouse/catalog/products"),
            DatasetIdentifier(namespace: "trino://trino.retail.internal:8443", name: "lakehouse.catalog.products"),
        ])
    }

    @Test func anAPIServerNamesNoDataset() throws {
        let contract = try #require(try Fixture.retailMesh().contracts.first { $0.id == "recommendations.recommendation-api" })
        #expect(ContractDatasetMapping.datasets(for: contract).isEmpty)
    }

    @Test func anExplicitCustomPropertyMapsTheContract() throws {
        let json: JSONValue = [
            "apiVersion": "v3.1.0", "kind": "DataContract", "id": "sales.orders", "version": "1.0.0", "status": "active",
            "customProperties": [
                ["property": "openlineageDataset", "value": "kafka://Broker:9092/sales.orders"],
                ["property": "openlineageDataset", "value": ["namespace": "ignored://x", "name": "y"]],
            ],
            "servers": [
                ["server": "s", "type": "custom", "customProperties": [["property": "openlineageDataset", "value": [["namespace": "hive://ms:9083", "name": "sales.orders"]]]]]
            ],
        ]
        let contract = try DataContract(json: json)
        #expect(ContractDatasetMapping.datasets(for: contract) == [
            DatasetIdentifier(namespace: "kafka://broker:9092", name: "sales.orders"),
            DatasetIdentifier(namespace: "hive://ms:9083", name: "sales.orders"),
        ])
    }
}
