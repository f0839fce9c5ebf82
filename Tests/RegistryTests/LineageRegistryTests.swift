import Foundation
import JSON
import Lineage
import Registry
import SQL
import Testing

/// OpenLineage RunEvents for tests: a job reading and writing datasets, with optional column lineage.
enum LineageEvents {
    static let runID = "0195f1c4-8d1e-7a3b-9c2f-4e5d6a7b8c9d"

    static func run(_ type: String, runID: String = runID, time: String = "2025-11-28T09:15:02.431Z", job: String = "load_orders",
                    inputs: [(String, String)] = [], outputs: [(String, String)] = [], columnLineage: [String: (String, String, String)] = [:]) -> JSONValue {
        func dataset(_ pair: (String, String), facets: JSONObject = JSONObject()) -> JSONValue {
            ["namespace": .string(pair.0), "name": .string(pair.1), "facets": .object(facets)]
        }
        var outputFacets = JSONObject()
        if !columnLineage.isEmpty {
            var fields = JSONObject()
            for (field, input) in columnLineage {
                fields[field] = ["inputFields": [["namespace": .string(input.0), "name": .string(input.1), "field": .string(input.2)]]]
            }
            outputFacets["columnLineage"] = [
                "_producer": "https://example.com/test", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                "fields": .object(fields),
            ]
        }
        return [
            "eventTime": .string(time), "producer": "https://example.com/test",
            "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
            "eventType": .string(type), "run": ["runId": .string(runID)], "job": ["namespace": "airflow-test", "name": .string(job)],
            "inputs": .array(inputs.map { dataset($0) }), "outputs": .array(outputs.map { dataset($0, facets: outputFacets) }),
        ]
    }
}

@Suite struct LineageRegistryTests {
    private let topic = ("kafka://broker:9092", "sales.orders")
    private let table = ("postgres://db:5432", "sales.public.orders")

    private func edges(_ service: LineageService) throws -> Set<LineageEdge> {
        Set(try service.graph().subgraph.edges)
    }

    @Test func productHooksKeepTheGraphRightAfterUpdateAndRetire() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let service = try LineageService(registry: fixture.registry)
        let reads = LineageEdge(from: .contract("sales-orders-contract", version: "1.0.0"), to: .product("sales-forecast"), kind: .readBy)
        #expect(try edges(service).contains(reads))
        let downstream = try service.productLineage("sales-orders", direction: .downstream, depth: 20)
        #expect(downstream.distance(to: .product("sales-forecast")) == 3)

        try fixture.apply([Samples.product(id: "sales-forecast", output: "sales-forecast-contract")])
        #expect(try !edges(service).contains(reads), "the update dropped the input port, so its edge goes")
        #expect(try service.productLineage("sales-orders", direction: .downstream, depth: 20).distance(to: .product("sales-forecast")) == nil)

        try fixture.registry.retireProduct("sales-forecast", actor: .localAdmin)
        let publishes = LineageEdge(from: .product("sales-forecast"), to: .port(product: "sales-forecast", name: "main", version: "1.0.0"), kind: .publishes)
        #expect(try !edges(service).contains(publishes), "a retired product publishes nothing")
        #expect(try edges(service).contains(LineageEdge(from: .product("sales-orders"), to: .port(product: "sales-orders", name: "main", version: "1.0.0"), kind: .publishes)))
    }

    @Test func aCycleBetweenTwoProductsEndsTheWalk() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([
            Samples.salesDomain, Samples.contract(id: "left-contract"), Samples.contract(id: "right-contract"),
            Samples.product(id: "left", output: "left-contract", input: "right-contract"),
            Samples.product(id: "right", output: "right-contract", input: "left-contract"),
        ])
        let service = try LineageService(registry: fixture.registry)
        let walk = try service.productLineage("left", direction: .downstream, depth: 20)
        #expect(walk.distance(to: .product("right")) == 3)
        #expect(walk.distance(to: .product("left")) == 0)
        #expect(walk.nodes.count == Set(walk.nodes.map(\.node.id)).count, "each node once, however many times the cycle is walked")
    }

    @Test func aSecondServiceOnTheSameFileSeesWritesAndAReopenedOneRebuildsTheSameGraph() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let first = try LineageService(registry: fixture.registry)
        let other = try LineageService(registry: try fixture.reopen())
        _ = try other.ingest(LineageEvents.run("COMPLETE", inputs: [topic], outputs: [table]), actor: .localAdmin)
        #expect(try edges(first) == edges(other))
        #expect(try edges(first).contains(LineageEdge(from: .job(namespace: "airflow-test", name: "load_orders"), to: .dataset(DatasetIdentifier(namespace: table.0, name: table.1)), kind: .writes)))
        let reopened = try LineageService(registry: try fixture.reopen())
        #expect(try edges(reopened) == edges(first))
    }

    @Test func aRegistryWrittenBeforeTheLineageTablesIsBackfilledWhenTheServiceOpens() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let expected = try edges(try LineageService(registry: fixture.registry))
        let connection = try fixture.connection()
        try connection.execute("DELETE FROM lineage_edges; DELETE FROM lineage_nodes; DELETE FROM lineage_changes")
        let reopened = try LineageService(registry: try fixture.reopen())
        #expect(!expected.isEmpty)
        #expect(try edges(reopened) == expected)
    }

    /// Nodes and edges go in multi-row INSERTs of at most 64 rows: a run with more crosses the
    /// chunk boundaries and must store every one.
    @Test func aRunWithMoreDatasetsThanOneInsertTakesStoresEveryEdgeAndNode() throws {
        let fixture = try RegistryFixture()
        let service = try LineageService(registry: fixture.registry)
        let inputs = (0..<100).map { ("kafka://broker:9092", "topic.\($0)") }
        let outputs = (0..<40).map { ("postgres://db:5432", "db.public.table_\($0)") }
        _ = try service.ingest(LineageEvents.run("COMPLETE", inputs: inputs, outputs: outputs), actor: .localAdmin)
        let job = LineageNodeID.job(namespace: "airflow-test", name: "load_orders")
        let expected = Set(inputs.map { LineageEdge(from: .dataset(DatasetIdentifier(namespace: $0.0, name: $0.1)), to: job, kind: .readBy) }
            + outputs.map { LineageEdge(from: job, to: .dataset(DatasetIdentifier(namespace: $0.0, name: $0.1)), kind: .writes) })
        #expect(expected.count == 140)
        #expect(try edges(service) == expected)
        let connection = try fixture.connection()
        #expect(try connection.query("SELECT count(*) AS n FROM lineage_edges").first?.int("n") == 140)
        #expect(try connection.query("SELECT count(*) AS n FROM lineage_nodes").first?.int("n") == 141)
        #expect(try edges(LineageService(registry: try fixture.reopen())) == expected)
    }

    @Test func theSameEventResentIsAcceptedWithoutDuplicatingAnything() throws {
        let fixture = try RegistryFixture()
        let service = try LineageService(registry: fixture.registry)
        let event = LineageEvents.run("START", inputs: [topic])
        let first = try service.ingest(event, actor: .localAdmin)
        let before = try edges(service)
        let again = try service.ingest(event, actor: .localAdmin)
        #expect(!first.isDuplicate)
        #expect(again.isDuplicate)
        #expect(again.key == first.key)
        #expect(try edges(service) == before)
        let connection = try fixture.connection()
        #expect(try connection.query("SELECT count(*) AS n FROM lineage_events").first?.int("n") == 1)
        #expect(try connection.query("SELECT count(*) AS n FROM audit_log WHERE action = 'lineage.ingest'").first?.int("n") == 2)
    }

    @Test func startWithoutOutputsThenCompleteWithThemMerges() throws {
        let fixture = try RegistryFixture()
        let service = try LineageService(registry: fixture.registry)
        _ = try service.ingest(LineageEvents.run("START", inputs: [topic]), actor: .localAdmin)
        let job = LineageNodeID.job(namespace: "airflow-test", name: "load_orders")
        let output = LineageNodeID.dataset(DatasetIdentifier(namespace: table.0, name: table.1))
        #expect(try !edges(service).contains(LineageEdge(from: job, to: output, kind: .writes)))
        let complete = try service.ingest(LineageEvents.run("COMPLETE", time: "2025-11-28T09:20:00Z", outputs: [table]), actor: .localAdmin)
        #expect(complete.run?["status"] == "COMPLETE")
        #expect(complete.run?["inputs"] == 1)
        #expect(complete.run?["outputs"] == 1)
        let all = try edges(service)
        #expect(all.contains(LineageEdge(from: .dataset(DatasetIdentifier(namespace: topic.0, name: topic.1)), to: job, kind: .readBy)))
        #expect(all.contains(LineageEdge(from: job, to: output, kind: .writes)))
    }

    @Test(arguments: ["FAIL", "ABORT"])
    func aFailedOrAbortedRunKeepsItsStatusWhenAnOlderEventArrivesLate(terminal: String) throws {
        let fixture = try RegistryFixture()
        let service = try LineageService(registry: fixture.registry)
        _ = try service.ingest(LineageEvents.run("START", inputs: [topic]), actor: .localAdmin)
        _ = try service.ingest(LineageEvents.run(terminal, time: "2025-11-28T09:30:00Z"), actor: .localAdmin)
        let late = try service.ingest(LineageEvents.run("RUNNING", time: "2025-11-28T09:20:00Z", outputs: [table]), actor: .localAdmin)
        #expect(late.run?["status"] == .string(terminal))
        #expect(try service.run(LineageEvents.runID)["endTime"] == "2025-11-28T09:30:00Z")
    }

    @Test func anInvalidEventIsRefusedWithPointersAndAudited() throws {
        let fixture = try RegistryFixture()
        let service = try LineageService(registry: fixture.registry)
        var event = try #require(LineageEvents.run("START").objectValue)
        event["run"] = ["runId": "not-a-uuid"]
        event["eventTime"] = nil
        let error = fixture.refusal { _ = try service.ingest(.object(event), actor: .localAdmin) }
        #expect(error?.code == .invalidDocument)
        #expect(Set(error?.issues.map(\.issue.pointer.description) ?? []) == ["/eventTime", "/run/runId"])
        let connection = try fixture.connection()
        let entry = try connection.query("SELECT outcome, target_kind FROM audit_log WHERE action = 'lineage.ingest'").first
        #expect(entry?.string("outcome") == "refused")
        #expect(entry?.string("target_kind") == "lineage")
    }

    @Test func impactOfAnUnregisteredContractVersionIsNotFound() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let service = try LineageService(registry: fixture.registry)
        let error = fixture.refusal { _ = try service.impact(of: [BrokenContract(contract: .init(id: "sales-orders-contract", version: "9.0.0"))]) }
        #expect(error?.code == .notFound)
        let known = try service.impact(of: [BrokenContract(contract: .init(id: "sales-orders-contract", version: "1.0.0"), properties: ["order_id"])])
        #expect(known.report.products.isEmpty, "nobody reads the sample contract")
    }
}
