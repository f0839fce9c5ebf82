import Lineage
import Testing

struct RunStateTests {
    @Test func mergesInputsFromStartWithOutputsFromComplete() throws {
        let start = try Fixture.event("airflow-churn-scoring-start")
        let complete = try Fixture.event("airflow-churn-scoring-complete")
        #expect(start.outputs.isEmpty)
        var state = try #require(RunState(start))
        #expect(state.status == .start)
        let applied = state.apply(complete)
        #expect(applied)
        #expect(state.status == .complete)
        #expect(state.startTime == start.eventTime)
        #expect(state.endTime == complete.eventTime)
        #expect(state.inputs.map(\.identifier) == [DatasetIdentifier(namespace: "hive://metastore.retail.internal:9083", name: "orders.order_history")])
        #expect(state.outputs.map(\.identifier) == [DatasetIdentifier(namespace: "snowflake://retail-prod.eu-central-1", name: "MARKETING.SCORES.CHURN_RISK")])
        #expect(state.outputs.first?.columnLineage.count == 3)
    }

    @Test func arrivalOrderDoesNotChangeTheResult() throws {
        let start = try Fixture.event("airflow-churn-scoring-start")
        let complete = try Fixture.event("airflow-churn-scoring-complete")
        var forward = try #require(RunState(start))
        forward.apply(complete)
        var backward = try #require(RunState(complete))
        backward.apply(start)
        #expect(backward.status == .complete)
        #expect(forward.subgraph.sorted == backward.subgraph.sorted)
    }

    @Test func aRedeliveredEventChangesNothing() throws {
        let start = try Fixture.event("airflow-churn-scoring-start")
        var state = try #require(RunState(start))
        let before = state
        let applied = state.apply(start)
        #expect(!applied)
        #expect(state == before)
    }

    @Test func anotherRunsEventIsRefused() throws {
        var state = try #require(RunState(try Fixture.event("airflow-churn-scoring-start")))
        let applied = state.apply(try Fixture.event("airflow-churn-scoring-fail"))
        #expect(!applied)
        #expect(state.status == .start)
    }

    @Test(arguments: [("airflow-churn-scoring-fail", OpenLineageEventType.fail), ("spark-order-history-abort", .abort)])
    func terminalFailuresEndTheRun(name: String, status: OpenLineageEventType) throws {
        let event = try Fixture.event(name)
        let state = try #require(RunState(event))
        #expect(state.status == status)
        #expect(state.endTime == event.eventTime)
        #expect(status.isTerminal)
    }

    @Test func otherEventsAddMetadataWithoutChangingTheStatus() throws {
        let complete = try Fixture.json("openlineage/airflow-churn-scoring-complete.json")
        var state = try #require(RunState(try OpenLineageEvent(json: complete)))
        let other = complete.setting("/eventType", to: "OTHER").setting("/eventTime", to: "2025-11-28T05:00:00Z")
        let applied = state.apply(try OpenLineageEvent(json: other))
        #expect(applied)
        #expect(state.status == .complete)
        let running = complete.setting("/eventType", to: "RUNNING").setting("/eventTime", to: "2025-11-28T04:03:00Z")
        let appliedRunning = state.apply(try OpenLineageEvent(json: running))
        #expect(appliedRunning)
        #expect(state.status == .complete)
    }

    @Test func onlyRunEventsStartARunState() throws {
        #expect(RunState(try Fixture.event("dbt-campaign-audiences-job-event")) == nil)
        #expect(RunState(try Fixture.event("hive-order-history-dataset-event")) == nil)
    }
}
