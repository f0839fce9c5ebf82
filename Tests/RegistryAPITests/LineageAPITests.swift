import HTTPProtocol
import JSON
import Testing

/// `/api/v1/lineage` and `/api/v1/impact` over the shipped retail mesh, through the router.
@Suite struct LineageAPITests {
    static let topic = ("kafka://kafka-1.retail.internal:9092", "orders.order-events.v1")
    static let facts = ("postgres://db:5432", "analytics.public.order_facts")

    /// A RunEvent of a job reading the order-events topic and writing a Postgres table whose
    /// `customer` column is computed from the topic's `customer_id`.
    static func event(_ type: String, runID: String = "0195f1c4-8d1e-7a3b-9c2f-4e5d6a7b8c9d", time: String = "2025-11-28T09:15:02.431Z") -> String {
        let outputs = type == "START" ? "[]" : """
            [{"namespace": "\(facts.0)", "name": "\(facts.1)", "facets": {
              "schema": {"_producer": "https://example.com/t", "_schemaURL": "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json",
                         "fields": [{"name": "order_id", "type": "text"}, {"name": "customer", "type": "text"}]},
              "columnLineage": {"_producer": "https://example.com/t", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                "fields": {"customer": {"inputFields": [{"namespace": "\(topic.0)", "name": "\(topic.1)", "field": "customer_id"}]},
                           "order_id": {"inputFields": [{"namespace": "\(topic.0)", "name": "\(topic.1)", "field": "order_id"}]}}}}}]
            """
        return """
            {"eventTime": "\(time)", "producer": "https://example.com/t", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "eventType": "\(type)", "run": {"runId": "\(runID)"}, "job": {"namespace": "airflow-test", "name": "build_order_facts"},
             "inputs": [{"namespace": "\(topic.0)", "name": "\(topic.1)"}], "outputs": \(outputs)}
            """
    }

    private func ingestPipeline(_ fixture: APIFixture) {
        #expect(fixture.send(.post, "/api/v1/lineage", token: fixture.outsiderToken, body: Self.event("START")).status == .created)
        #expect(fixture.send(.post, "/api/v1/lineage", token: fixture.outsiderToken, body: Self.event("COMPLETE", time: "2025-11-28T09:16:00Z")).status == .created)
    }

    @Test func ingestIsCreatedIdempotentAndNeedsAToken() throws {
        let fixture = try APIFixture()
        #expect(fixture.send(.post, "/api/v1/lineage", body: Self.event("START")).status == .unauthorized)
        let first = fixture.send(.post, "/api/v1/lineage", token: fixture.outsiderToken, body: Self.event("START"))
        #expect(first.status == .created)
        #expect(first.json == .object([:]))
        let again = fixture.send(.post, "/api/v1/lineage/", token: fixture.outsiderToken, body: Self.event("START"))
        #expect(again.status == .created, "a retried event is accepted again, never redirected")
        let run = fixture.send(.get, "/api/v1/lineage/runs/0195f1c4-8d1e-7a3b-9c2f-4e5d6a7b8c9d", token: fixture.adminToken)
        #expect(run.json["status"] == "START")
    }

    @Test func anInvalidEventIs400WithJSONPointers() throws {
        let fixture = try APIFixture()
        let body = Self.event("START").replacingOccurrences(of: "\"runId\": \"0195f1c4-8d1e-7a3b-9c2f-4e5d6a7b8c9d\"", with: "\"runId\": 42")
            .replacingOccurrences(of: "\"producer\": \"https://example.com/t\", ", with: "")
        let response = fixture.send(.post, "/api/v1/lineage", token: fixture.adminToken, body: body)
        #expect(response.status == .badRequest)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.json["status"] == 400 && response.json["title"] == "Bad Request")
        let pointers = Set((response.json["issues"]?.arrayValue ?? []).compactMap { $0["pointer"]?.stringValue })
        #expect(pointers == ["/producer", "/run/runId"])
        #expect(fixture.send(.post, "/api/v1/lineage", token: fixture.adminToken, body: "{not json").status == .badRequest)
    }

    @Test func marquezShapeReadsNamespacesWithColons() throws {
        let fixture = try APIFixture()
        ingestPipeline(fixture)
        let response = fixture.send(.get, "/api/v1/lineage?nodeId=dataset:postgres://db:5432:analytics.public.order_facts&depth=2", token: fixture.adminToken)
        #expect(response.status == .ok)
        let graph = response.json["graph"]?.arrayValue ?? []
        let table = try #require(graph.first { $0["type"] == "DATASET" && $0["data"]?["namespace"] == "postgres://db:5432" })
        #expect(table["data"]?["name"] == "analytics.public.order_facts")
        #expect(table["inEdges"]?.arrayValue?.count == 1)
        let job = try #require(graph.first { $0["type"] == "JOB" })
        #expect(job["data"]?["name"] == "build_order_facts")
        #expect(graph.contains { $0["type"] == "DATASET" && $0["data"]?["namespace"] == "kafka://kafka-1.retail.internal:9092" })
        let byJob = fixture.send(.get, "/api/v1/lineage?nodeId=job:airflow-test:build_order_facts&depth=1", token: fixture.adminToken)
        #expect(byJob.json["graph"]?.arrayValue?.count == 3)
        let canonical = fixture.send(.get, "/api/v1/lineage?nodeId=product:order-history&depth=1", token: fixture.adminToken)
        #expect(canonical.json["graph"]?.arrayValue?.contains { $0["id"] == "port:order-history/order-lines@1.0.0" } == true)
        #expect(fixture.send(.get, "/api/v1/lineage?nodeId=dataset:nowhere:nothing", token: fixture.adminToken).status == .notFound)
        #expect(fixture.send(.get, "/api/v1/lineage", token: fixture.adminToken).status == .badRequest)
    }

    /// maxNodes is checked whatever the format (schemathesis found 5001 accepted for JSON).
    @Test(arguments: ["json", "svg", "dot"])
    func maxNodesOutOfRangeIsRefusedInEveryFormat(format: String) throws {
        let fixture = try APIFixture()
        for value in ["5001", "0", "x"] {
            let response = fixture.send(.get, "/api/v1/lineage/online-orders?format=\(format)&maxNodes=\(value)", token: fixture.adminToken)
            #expect(response.status == .badRequest, "maxNodes=\(value)")
            #expect(response.json["code"] == "invalid-parameter")
        }
        #expect(fixture.send(.get, "/api/v1/lineage/online-orders?format=\(format)&maxNodes=5000", token: fixture.adminToken).status == .ok)
    }

    @Test func productLineageAsJSONDOTMermaidAndSVG() throws {
        let fixture = try APIFixture()
        let json = fixture.send(.get, "/api/v1/lineage/online-orders?direction=downstream&depth=3", token: fixture.adminToken)
        #expect(json.status == .ok)
        let nodes = json.json["nodes"]?.arrayValue ?? []
        #expect(nodes.first?["id"] == "product:online-orders")
        #expect(nodes.contains { $0["id"] == "product:order-history" && $0["distance"] == 3 && $0["team"] == "order-platform" })
        #expect(nodes.allSatisfy { ($0["distance"]?.integerValue ?? 99) <= 3 })
        let dot = fixture.send(.get, "/api/v1/lineage/online-orders?direction=downstream&format=dot", token: fixture.adminToken)
        #expect(dot.headers["Content-Type"]?.hasPrefix("text/vnd.graphviz") == true)
        #expect(String(decoding: dot.body, as: UTF8.self).hasPrefix("digraph lineage {"))
        let mermaid = fixture.send(.get, "/api/v1/lineage/online-orders?format=mermaid", token: fixture.adminToken)
        #expect(mermaid.headers["Content-Type"]?.hasPrefix("text/plain") == true)
        #expect(String(decoding: mermaid.body, as: UTF8.self).hasPrefix("flowchart LR\n"))
        let deep = fixture.send(.get, "/api/v1/lineage/online-orders?depth=500", token: fixture.adminToken)
        #expect(deep.json["depth"] == 20)
        #expect(fixture.send(.get, "/api/v1/lineage/no-such-product", token: fixture.adminToken).status == .notFound)
        #expect(fixture.send(.get, "/api/v1/lineage/online-orders?direction=sideways", token: fixture.adminToken).status == .badRequest)
        #expect(fixture.send(.get, "/api/v1/lineage/online-orders?format=png", token: fixture.adminToken).status == .badRequest)
        let svg = fixture.send(.get, "/api/v1/lineage/online-orders?direction=downstream&depth=3&format=svg", token: fixture.adminToken)
        let picture = String(decoding: svg.body, as: UTF8.self)
        #expect(svg.headers["Content-Type"]?.hasPrefix("image/svg+xml") == true)
        #expect(svg.headers["Content-Security-Policy"]?.hasPrefix("default-src 'none'") == true)
        #expect(picture.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(picture.contains(#"<a class="node node-product root" href="/ui/products/online-orders""#))
        #expect(picture.components(separatedBy: "class=\"node node-").count - 1 == nodes.count, "one box per node of the same walk")
    }

    @Test func droppingAColumnOfOrderEventsShowsWhoBreaksNearestFirst() throws {
        let fixture = try APIFixture()
        ingestPipeline(fixture)
        let contract = try APIFixture.meshFile("orders/contracts/orders.order-events-v1.1.0.odcs.yaml")
        let start = try #require(contract.range(of: "      - id: customer_id_prop"))
        let end = try #require(contract.range(of: "      - id: sales_channel_prop"))
        let proposed = String(contract[..<start.lowerBound] + contract[end.lowerBound...]).replacingOccurrences(of: "version: 1.1.0", with: "version: 1.2.0")
        let response = fixture.send(.post, "/api/v1/impact", token: fixture.adminToken, headers: [("Content-Type", "application/yaml")], body: proposed)
        #expect(response.status == .ok, "\(response.json)")
        #expect(response.json["breaks"] == true)
        #expect(response.json["broken"]?[0]?["properties"] == ["customer_id"])
        let products = response.json["products"]?.arrayValue ?? []
        let distances = products.compactMap { $0["distance"]?.integerValue }
        #expect(distances == distances.sorted())
        #expect(products.first?["id"] == "order-history")
        #expect(products.first?["team"] == "order-platform")
        let ids: Set<String> = Set(products.compactMap { $0["id"]?.stringValue })
        #expect(ids.isSuperset(of: ["order-history", "user-features"]))
        let columns = response.json["columns"]?.arrayValue ?? []
        #expect(columns.contains { $0["namespace"] == "postgres://db:5432" && $0["field"] == "customer" && $0["distance"] == 1 })
        #expect(!columns.contains { $0["field"] == "order_id" }, "only what reads the dropped column")
        let teams = response.json["teams"]?.arrayValue ?? []
        #expect(teams.contains("order-platform") && teams.contains("reco-features"))
    }

    @Test func impactOfNamedPropertiesAndColumnLineageOfAProperty() throws {
        let fixture = try APIFixture()
        ingestPipeline(fixture)
        let body = #"{"contractId": "orders.order-events", "version": "1.1.0", "properties": ["customer_id"]}"#
        let impact = fixture.send(.post, "/api/v1/impact", token: fixture.adminToken, body: body)
        #expect(impact.status == .ok)
        #expect(impact.json["columns"]?[0]?["field"] == "customer")
        let unknown = fixture.send(.post, "/api/v1/impact", token: fixture.adminToken, body: #"{"contractId": "nope", "version": "1.0.0"}"#)
        #expect(unknown.status == .notFound)
        let columns = fixture.send(.get, "/api/v1/lineage/columns/orders.order-events/1.1.0/customer_id", token: fixture.adminToken)
        #expect(columns.status == .ok)
        let entries = columns.json["columns"]?.arrayValue ?? []
        #expect(entries.contains { $0["field"] == "customer" && $0["direction"] == "downstream" && $0["distance"] == 1 })
        #expect(fixture.send(.get, "/api/v1/lineage/columns/orders.order-events/9.9.9/customer_id", token: fixture.adminToken).status == .notFound)
    }

    @Test func approvedGrantsAreEdgesAndRevokedOnesGo() throws {
        let fixture = try APIFixture()
        let request = fixture.send(.post, "/api/v1/access-requests", token: fixture.adminToken, body: """
            {"product": "order-history", "port": "order-lines", "team": "campaign-analytics", "purpose": "churn model features"}
            """)
        #expect(request.status == .created || request.status == .ok, "\(request.json)")
        let id = try #require(request.json["id"]?.stringValue ?? request.json["request"]?["id"]?.stringValue)
        if request.json["status"] != "approved" && request.json["request"]?["status"] != "approved" {
            #expect(fixture.send(.post, "/api/v1/access-requests/\(id)/approve", token: fixture.adminToken, body: "{}").status == .ok)
        }
        func grantsTeam() -> Bool {
            let lineage = fixture.send(.get, "/api/v1/lineage/order-history?direction=downstream&depth=2", token: fixture.adminToken)
            return (lineage.json["nodes"]?.arrayValue ?? []).contains { $0["id"] == "team:campaign-analytics" }
        }
        #expect(grantsTeam())
        #expect(fixture.send(.post, "/api/v1/access-requests/\(id)/revoke", token: fixture.adminToken, body: "{}").status == .ok)
        #expect(!grantsTeam())
    }
}
