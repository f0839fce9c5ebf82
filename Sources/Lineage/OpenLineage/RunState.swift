/// What the events of one run say together: inputs and outputs across START, RUNNING and
/// COMPLETE (inputs often come on START, outputs on COMPLETE) and the status of the latest event.
public struct RunState: Sendable, Hashable {
    /// The run's `runId`, lowercased.
    public let runID: String
    /// The job the run belongs to.
    public private(set) var job: JobIdentifier
    /// The `eventType` of the latest event by `eventTime`; OTHER events never change it.
    public private(set) var status: OpenLineageEventType
    /// The `eventTime` of the event that set ``status``.
    public private(set) var statusTime: EventTimestamp
    /// The earliest START `eventTime`.
    public private(set) var startTime: EventTimestamp?
    /// The latest COMPLETE, ABORT or FAIL `eventTime`.
    public private(set) var endTime: EventTimestamp?
    /// Inputs of all events, merged by dataset, in order of first report.
    public private(set) var inputs: [OpenLineageDataset] = []
    /// Outputs of all events, merged by dataset, in order of first report.
    public private(set) var outputs: [OpenLineageDataset] = []
    /// The ``OpenLineageEvent/idempotencyKey`` of every event applied.
    public private(set) var eventKeys: Set<String> = []

    /// The state after the run's first event; nil unless `event` is a RunEvent.
    public init?(_ event: OpenLineageEvent) {
        guard event.kind == .run, let runID = event.runID, let job = event.job else { return nil }
        self.runID = runID
        self.job = job
        self.status = event.eventType ?? .other
        self.statusTime = event.eventTime
        apply(event)
    }

    /// Folds in a later (or earlier: order of arrival does not matter) event of this run; returns
    /// false, changing nothing, for another run's event or one already applied.
    @discardableResult
    public mutating func apply(_ event: OpenLineageEvent) -> Bool {
        guard event.kind == .run, event.runID == runID, let eventJob = event.job, eventKeys.insert(event.idempotencyKey).inserted else { return false }
        let type = event.eventType ?? .other
        if type != .other, status == .other || event.eventTime >= statusTime {
            status = type
            statusTime = event.eventTime
            job = eventJob
        }
        if type == .start, startTime.map({ event.eventTime < $0 }) ?? true { startTime = event.eventTime }
        if type.isTerminal, endTime.map({ event.eventTime > $0 }) ?? true { endTime = event.eventTime }
        Self.merge(event.inputs, into: &inputs)
        Self.merge(event.outputs, into: &outputs)
        return true
    }

    /// The run's lineage: the job, what it read and wrote, symlinks and column lineage.
    public var subgraph: LineageSubgraph {
        OpenLineageEvent.subgraph(job: job, inputs: inputs, outputs: outputs)
    }

    private static func merge(_ datasets: [OpenLineageDataset], into list: inout [OpenLineageDataset]) {
        for dataset in datasets {
            if let index = list.firstIndex(where: { $0.identifier == dataset.identifier }) { list[index].merge(dataset) } else { list.append(dataset) }
        }
    }
}
