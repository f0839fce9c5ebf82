import JSON
import Lineage
import Testing

struct LineageExportTests {
    /// A product publishing a port whose Kafka topic feeds a job, with a quote in a label.
    private var small: LineageSubgraph {
        let product = LineageNodeID.product("online-orders")
        let port = LineageNodeID.port(product: "online-orders", name: "order-events", version: "1.1.0")
        let topic = LineageNodeID.dataset(DatasetIdentifier(namespace: "kafka://kafka-1:9092", name: "orders.v1"))
        let job = LineageNodeID.job(namespace: "flink", name: "fraud<check>")
        return LineageSubgraph(
            nodes: [LineageNode(id: product, label: "Online \"web\" Orders", team: "order-platform")],
            edges: [
                LineageEdge(from: product, to: port, kind: .publishes),
                LineageEdge(from: topic, to: port, kind: .materializes),
                LineageEdge(from: topic, to: job, kind: .readBy),
            ])
    }

    @Test func dotQuotesIDsAndLabelsAndShapesNodesByKind() {
        #expect(LineageExport.dot(small) == """
            digraph lineage {
              rankdir=LR;
              "dataset:kafka%3A%2F%2Fkafka-1%3A9092:orders.v1" [label="kafka://kafka-1:9092/orders.v1", shape=cylinder];
              "job:flink:fraud<check>" [label="flink/fraud<check>", shape=component];
              "port:online-orders/order-events@1.1.0" [label="online-orders/order-events@1.1.0", shape=cds];
              "product:online-orders" [label="Online \\"web\\" Orders", shape=box];
              "dataset:kafka%3A%2F%2Fkafka-1%3A9092:orders.v1" -> "job:flink:fraud<check>" [label="readBy"];
              "dataset:kafka%3A%2F%2Fkafka-1%3A9092:orders.v1" -> "port:online-orders/order-events@1.1.0" [label="materializes", style=dashed];
              "product:online-orders" -> "port:online-orders/order-events@1.1.0" [label="publishes"];
            }

            """)
    }

    @Test func mermaidSanitizesIDsAndEscapesLabels() {
        #expect(LineageExport.mermaid(small) == """
            flowchart LR
              dataset_kafka_3A_2F_2Fkafka_1_3A9092_orders_v1[("kafka://kafka-1:9092/orders.v1")]
              job_flink_fraud_check_[["flink/fraud#lt;check#gt;"]]
              port_online_orders_order_events_1_1_0(["online-orders/order-events@1.1.0"])
              product_online_orders["Online #quot;web#quot; Orders"]
              dataset_kafka_3A_2F_2Fkafka_1_3A9092_orders_v1 -->|readBy| job_flink_fraud_check_
              dataset_kafka_3A_2F_2Fkafka_1_3A9092_orders_v1 -.->|materializes| port_online_orders_order_events_1_1_0
              product_online_orders -->|publishes| port_online_orders_order_events_1_1_0

            """)
    }

    @Test func mermaidKeepsIDsUniqueWhenSanitizingCollides() {
        let subgraph = LineageSubgraph(nodes: [LineageNode(id: .product("a-b")), LineageNode(id: .product("a_b"))], edges: [])
        #expect(LineageExport.mermaid(subgraph) == "flowchart LR\n  product_a_b[\"a-b\"]\n  product_a_b_2[\"a_b\"]\n")
    }

    @Test func jsonListsNodesAndEdges() throws {
        let json = LineageExport.json(small)
        #expect(json["nodes"]?.arrayValue?.count == 4)
        #expect(json["nodes"]?[3] == ["id": "product:online-orders", "kind": "product", "label": "Online \"web\" Orders", "team": "order-platform"])
        #expect(json["edges"]?[2] == ["from": "product:online-orders", "to": "port:online-orders/order-events@1.1.0", "kind": "publishes"])
    }

    @Test func marquezShapeHasTypedNodesWithInAndOutEdges() throws {
        let graph = try #require(LineageExport.marquez(small)["graph"]?.arrayValue)
        let dataset = try #require(graph.first { $0["type"] == "DATASET" })
        #expect(dataset["id"] == "dataset:kafka%3A%2F%2Fkafka-1%3A9092:orders.v1")
        #expect(dataset["data"]?["namespace"] == "kafka://kafka-1:9092")
        #expect(dataset["data"]?["name"] == "orders.v1")
        #expect(dataset["inEdges"] == [])
        #expect(dataset["outEdges"]?.arrayValue?.count == 2)
        let job = try #require(graph.first { $0["type"] == "JOB" })
        #expect(job["inEdges"] == [["origin": "dataset:kafka%3A%2F%2Fkafka-1%3A9092:orders.v1", "destination": "job:flink:fraud<check>"]])
    }

    @Test func retailQueryExportsAreStable() throws {
        let graph = try Fixture.retailGraph()
        let subgraph = try graph.traverse(from: .product("campaign-audiences"), direction: .upstream, depth: 3).subgraph
        #expect(LineageExport.dot(subgraph) == LineageExport.dot(LineageSubgraph(nodes: subgraph.nodes.reversed(), edges: subgraph.edges.reversed())))
        #expect(LineageExport.mermaid(subgraph).hasPrefix("flowchart LR\n"))
    }
}
