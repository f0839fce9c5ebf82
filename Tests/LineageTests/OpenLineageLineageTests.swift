import Lineage
import Testing

/// Lineage from OpenLineage events, joined to the retail mesh.
struct OpenLineageLineageTests {
    private let sparkOutput = DatasetIdentifier(namespace: "s3://retail-lakehouse-prod", name: "warehouse/orders/order_history")
    private let hiveTable = DatasetIdentifier(namespace: "hive://metastore.retail.internal:9083", name: "orders.order_history")
    private let topic = DatasetIdentifier(namespace: "kafka://kafka-1.retail.internal:9092", name: "orders.order-events.v1")
    private let churnRisk = DatasetIdentifier(namespace: "snowflake://retail-prod.eu-central-1", name: "MARKETING.SCORES.CHURN_RISK")
    private let sparkJob = LineageNodeID.job(
        namespace: "spark-prod", name: "order_history_builder.execute_insert_into_hadoop_fs_relation_command.warehouse_orders_order_history")

    @Test func runEventsGiveReadAndWriteEdges() throws {
        let subgraph = try Fixture.event("spark-order-history-complete").subgraph
        #expect(subgraph.edges.contains(LineageEdge(from: .dataset(topic), to: sparkJob, kind: .readBy)))
        #expect(subgraph.edges.contains(LineageEdge(from: sparkJob, to: .dataset(sparkOutput), kind: .writes)))
        #expect(subgraph.edges.contains(LineageEdge(from: .dataset(sparkOutput), to: .dataset(hiveTable), kind: .sameAs)))
    }

    @Test func symlinksJoinSparksPathAndHivesTableName() throws {
        var graph = LineageGraph()
        graph.add(try Fixture.event("spark-order-history-complete").subgraph)
        var airflow = try #require(RunState(try Fixture.event("airflow-churn-scoring-start")))
        airflow.apply(try Fixture.event("airflow-churn-scoring-complete"))
        graph.add(airflow.subgraph)
        let downstream = try graph.traverse(from: sparkJob, direction: .downstream, depth: 10)
        #expect(downstream.distance(to: .dataset(sparkOutput)) == 1)
        #expect(downstream.distance(to: .dataset(hiveTable)) == 2)
        #expect(downstream.distance(to: .job(namespace: "airflow-prod", name: "churn_scoring.score_customers")) == 3)
        #expect(downstream.distance(to: .dataset(churnRisk)) == 4)
        let upstream = try graph.traverse(from: .dataset(churnRisk), direction: .upstream, depth: 10)
        #expect(upstream.distance(to: .dataset(topic)) == 5)
    }

    @Test func columnLineageGivesFieldEdgesWithDatasetLevelInputsFeedingEveryField() throws {
        let edges = Set(try Fixture.event("spark-order-history-complete").subgraph.edges.filter { $0.kind == .derives })
        #expect(edges.contains(LineageEdge(from: .column(topic, field: "customer_id"), to: .column(sparkOutput, field: "customer_id"), kind: .derives)))
        #expect(edges.contains(LineageEdge(from: .column(topic, field: "lines.unit_price"), to: .column(sparkOutput, field: "net_amount_eur"), kind: .derives)))
        let filtered = edges.filter { $0.from == .column(topic, field: "event_type") }
        #expect(filtered.count == 8, "the filter column feeds each of the 8 output fields")
    }

    @Test func columnWalksFollowColumnLineageAcrossSymlinks() throws {
        let graph = try Fixture.retailGraphWithEvents()
        let downstream = try graph.traverse(from: .column(topic, field: "customer_id"), direction: .downstream, depth: 10)
        #expect(downstream.nodes.allSatisfy { $0.node.id.kind == .column })
        let campaign = DatasetIdentifier(namespace: "snowflake://retail-prod.eu-central-1", name: "MARKETING.AUDIENCES.CAMPAIGN_AUDIENCES")
        #expect(downstream.distance(to: .column(sparkOutput, field: "customer_id")) == 1)
        #expect(downstream.distance(to: .column(hiveTable, field: "customer_id")) == 2)
        #expect(downstream.distance(to: .column(churnRisk, field: "customer_id")) == 3)
        #expect(downstream.distance(to: .column(campaign, field: "customer_id")) == 4)
        #expect(downstream.distance(to: .column(campaign, field: "campaign_id")) == nil)
    }

    @Test func eventsJoinProductsThroughTheirPortsServers() throws {
        let graph = try Fixture.retailGraphWithEvents()
        let downstream = try graph.traverse(from: .port(product: "online-orders", name: "order-events", version: "1.1.0"), direction: .downstream, depth: 10)
        #expect(downstream.distance(to: .dataset(topic)) == 1)
        #expect(downstream.distance(to: sparkJob) == 2)
        #expect(downstream.distance(to: .dataset(sparkOutput)) == 3)
        #expect(downstream.distance(to: .port(product: "order-history", name: "order-lines", version: "1.0.0")) == 2, "the documents' path is shorter")
        let upstream = try graph.traverse(from: .product("campaign-audiences"), direction: .upstream, depth: 20)
        let campaignAudiences = DatasetIdentifier(namespace: "snowflake://retail-prod.eu-central-1", name: "MARKETING.AUDIENCES.CAMPAIGN_AUDIENCES")
        #expect(upstream.distance(to: .dataset(campaignAudiences)) == 2, "a product is made of its ports")
        #expect(upstream.distance(to: .job(namespace: "dbt-marketing", name: "MARKETING.AUDIENCES.campaign_audiences")) == 3)
        #expect(upstream.distance(to: .dataset(churnRisk)) == 4, "the dbt model reads ChurnRiskScores' table")
        #expect(upstream.distance(to: .product("ChurnRiskScores")) == 6)
    }

    @Test func aDatasetEventAddsItsSymlinks() throws {
        let subgraph = try Fixture.event("hive-order-history-dataset-event").subgraph
        #expect(subgraph.edges == [LineageEdge(from: .dataset(hiveTable), to: .dataset(sparkOutput), kind: .sameAs)])
    }

    @Test func marquezIDsResolveAgainstTheGraphsNamespaces() throws {
        let graph = try Fixture.retailGraphWithEvents()
        #expect(graph.nodeID(parsing: "dataset:kafka://kafka-1.retail.internal:9092:orders.order-events.v1") == .dataset(topic))
        #expect(graph.nodeID(parsing: LineageNodeID.dataset(topic).description) == .dataset(topic))
    }
}
