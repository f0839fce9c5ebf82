/// A RunEvent's `eventType`: the run state transition (OpenLineage 2-0-2 "The Run Cycle").
public enum OpenLineageEventType: String, Sendable, Hashable, CaseIterable {
    /// The run began.
    case start = "START"
    /// The run goes on; the event adds information.
    case running = "RUNNING"
    /// The run finished successfully.
    case complete = "COMPLETE"
    /// The run was stopped abnormally.
    case abort = "ABORT"
    /// The run failed.
    case fail = "FAIL"
    /// Extra metadata outside the run cycle; it never changes a run's status.
    case other = "OTHER"

    /// True for COMPLETE, ABORT and FAIL, which end a run.
    public var isTerminal: Bool { self == .complete || self == .abort || self == .fail }
}
