import JSON
import Lineage
import Testing

struct OpenLineageEventTests {
    @Test(arguments: Fixture.eventNames)
    func acceptsEventsShapedLikeTheIntegrationsEmit(name: String) throws {
        #expect(throws: Never.self) { try Fixture.event(name) }
    }

    @Test func readsTheFacetsLineageUses() throws {
        let event = try Fixture.event("spark-order-history-complete")
        #expect(event.kind == .run)
        #expect(event.eventType == .complete)
        #expect(event.job == JobIdentifier(namespace: "spark-prod", name: "order_history_builder.execute_insert_into_hadoop_fs_relation_command.warehouse_orders_order_history"))
        let input = try #require(event.inputs.first)
        #expect(input.fields.map(\.name).contains("lines.sku"))
        #expect(input.dataSourceURI == "kafka://kafka-1.retail.internal:9092")
        let output = try #require(event.outputs.first)
        #expect(output.identifier == DatasetIdentifier(namespace: "s3://retail-lakehouse-prod", name: "warehouse/orders/order_history"))
        #expect(output.symlinks == [DatasetIdentifier(namespace: "hive://metastore.retail.internal:9083", name: "orders.order_history")])
        #expect(output.columnLineage.map(\.field) == ["order_id", "customer_id", "sku", "net_amount_eur", "order_date"])
        #expect(output.columnLineage.first { $0.field == "net_amount_eur" }?.inputs.map(\.field) == ["lines.quantity", "lines.unit_price"])
        #expect(output.datasetLevelInputs.map(\.field) == ["event_type"])
        #expect(output.facets["outputStatistics"] != nil)
    }

    @Test(arguments: [
        ("RunEvent", OpenLineageEvent.Kind.run), ("JobEvent", .job), ("DatasetEvent", .dataset),
    ])
    func tellsTheEventKindFromSchemaURL(fragment: String, kind: OpenLineageEvent.Kind) throws {
        let name = ["RunEvent": "airflow-churn-scoring-fail", "JobEvent": "dbt-campaign-audiences-job-event", "DatasetEvent": "hive-order-history-dataset-event"][fragment]!
        let event = try Fixture.event(name)
        #expect(event.kind == kind)
        #expect(event.schemaURL.hasSuffix("#/$defs/\(fragment)"))
    }

    @Test(arguments: [
        ("/eventTime", nil, "/eventTime", "missing-field"),
        ("/eventTime", "yesterday", "/eventTime", "invalid-value"),
        ("/eventTime", "2025-02-30T00:00:00Z", "/eventTime", "invalid-value"),
        ("/producer", nil, "/producer", "missing-field"),
        ("/producer", "spark", "/producer", "invalid-value"),
        ("/schemaURL", nil, "/schemaURL", "missing-field"),
        ("/schemaURL", "https://openlineage.io/spec/3-0-0/OpenLineage.json#/$defs/RunEvent", "/schemaURL", "unsupported-version"),
        ("/eventType", "DONE", "/eventType", "invalid-value"),
        ("/run/runId", nil, "/run/runId", "missing-field"),
        ("/run/runId", "run-42", "/run/runId", "invalid-value"),
        ("/run", nil, "/run", "missing-field"),
        ("/job/namespace", nil, "/job/namespace", "missing-field"),
        ("/job/name", 42, "/job/name", "wrong-type"),
        ("/outputs/0/name", nil, "/outputs/0/name", "missing-field"),
        ("/outputs/0/facets/schema/_producer", nil, "/outputs/0/facets/schema/_producer", "missing-field"),
        ("/outputs/0/facets/symlinks/identifiers/0/type", nil, "/outputs/0/facets/symlinks/identifiers/0/type", "missing-field"),
        ("/outputs/0/facets/columnLineage/fields/customer_id/inputFields/0/field", nil, "/outputs/0/facets/columnLineage/fields/customer_id/inputFields/0/field", "missing-field"),
        ("/outputs/0/facets/columnLineage/fields/sku/inputFields", nil, "/outputs/0/facets/columnLineage/fields/sku/inputFields", "missing-field"),
        ("/inputs", "kafka", "/inputs", "wrong-type"),
    ] as [(String, JSONValue?, String, String)])
    func reportsEachProblemAtItsJSONPointer(pointer: String, value: JSONValue?, expectedPointer: String, code: String) throws {
        let json = try Fixture.json("openlineage/spark-order-history-complete.json").setting(pointer, to: value)
        let issues = validationIssues(json)
        #expect(issues.map(\.pointer.description) == [expectedPointer])
        #expect(issues.map(\.code) == [code])
    }

    @Test(arguments: [
        ("hive-order-history-dataset-event", "/dataset", "/dataset"),
        ("hive-order-history-dataset-event", "/dataset/facets/symlinks/identifiers/0/namespace", "/dataset/facets/symlinks/identifiers/0/namespace"),
        ("dbt-campaign-audiences-job-event", "/job", "/job"),
        ("dbt-campaign-audiences-job-event", "/outputs/0/namespace", "/outputs/0/namespace"),
    ])
    func jobAndDatasetEventsNeedTheirObjects(name: String, removed: String, expectedPointer: String) throws {
        let json = try Fixture.json("openlineage/\(name).json").setting(removed, to: nil)
        #expect(validationIssues(json).map(\.pointer.description) == [expectedPointer])
        #expect(validationIssues(json).map(\.code) == ["missing-field"])
    }

    @Test func reportsEveryProblemAtOnce() throws {
        let json = try Fixture.json("openlineage/airflow-churn-scoring-fail.json")
            .setting("/eventTime", to: nil).setting("/run/runId", to: "x").setting("/job/name", to: nil)
        #expect(validationIssues(json).map(\.pointer.description) == ["/eventTime", "/run/runId", "/job/name"])
    }

    @Test func aMissingEventTypeIsAllowedAsTheSpecSays() throws {
        let json = try Fixture.json("openlineage/airflow-churn-scoring-fail.json").setting("/eventType", to: nil)
        #expect(try OpenLineageEvent(json: json).eventType == nil)
    }

    @Test func idempotencyKeyIgnoresKeyOrderAndTellsEventsApart() throws {
        let json = try Fixture.json("openlineage/airflow-churn-scoring-start.json")
        let reordered = try JSONParser.parse(json.encoded(.sortedKeys))
        #expect(try OpenLineageEvent(json: json).idempotencyKey == OpenLineageEvent(json: reordered).idempotencyKey)
        #expect(try OpenLineageEvent(json: json).idempotencyKey.hasPrefix("0193c60a-33f0-7b6c-a1d4-6e2f9c0b5a88/START/"))
        let complete = try Fixture.event("airflow-churn-scoring-complete")
        #expect(try OpenLineageEvent(json: json).idempotencyKey != complete.idempotencyKey)
        let retimed = json.setting("/eventTime", to: "2025-11-28T04:00:08Z")
        #expect(try OpenLineageEvent(json: json).idempotencyKey != OpenLineageEvent(json: retimed).idempotencyKey)
    }

    @Test func everyTruncationIsASyntaxOrValidationErrorNeverACrash() throws {
        let bytes = Array(try Fixture.text("openlineage/spark-order-history-abort.json").utf8.reversed().drop { $0 == UInt8(ascii: "\n") }.reversed())
        var accepted = 0
        for length in 0..<bytes.count {
            guard let json = try? JSONParser.parse(bytes.prefix(length)) else { continue }
            if (try? OpenLineageEvent(json: json)) != nil { accepted += 1 }
        }
        #expect(accepted == 0)
    }

    @Test func randomMutationsNeverCrashAndErrorsPointIntoTheDocument() throws {
        let bytes = Array(try Fixture.text("openlineage/airflow-churn-scoring-complete.json").utf8)
        var generator = SeededGenerator(seed: 11)
        let replacements = Array("{}[]\":,0aZ -".utf8)
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                mutated[Int.random(in: 0..<mutated.count, using: &generator)] = replacements.randomElement(using: &generator)!
            }
            guard let json = try? JSONParser.parse(mutated) else { continue }
            for issue in validationIssues(json) where issue.code != "missing-field" {
                #expect(json.value(at: issue.pointer) != nil, "\(issue)")
            }
        }
    }
}

struct EventTimestampTests {
    @Test(arguments: [
        ("2025-11-28T04:00:07.918354+00:00", 1_764_302_407, 918_354_000),
        ("2025-11-28T05:00:07.918354+01:00", 1_764_302_407, 918_354_000),
        ("2025-11-28t04:00:07z", 1_764_302_407, 0),
        ("1969-12-31T23:59:59Z", -1, 0),
        ("2024-02-29T00:00:00.5Z", 1_709_164_800, 500_000_000),
    ])
    func readsRFC3339Instants(text: String, seconds: Int64, nanoseconds: Int32) throws {
        let timestamp = try #require(EventTimestamp(text))
        #expect(timestamp.seconds == seconds)
        #expect(timestamp.nanoseconds == nanoseconds)
    }

    @Test(arguments: ["2025-11-28", "2025-11-28T04:00:07", "2025-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2025-11-28T04:00:07.Z", "2025-11-28T04:00:07+0100", "2025-11-28T24:00:00Z"])
    func rejectsWhatIsNotADateTime(text: String) {
        #expect(EventTimestamp(text) == nil)
    }
}
