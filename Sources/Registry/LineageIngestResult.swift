import JSON

/// What one accepted OpenLineage event did.
public struct LineageIngestResult: Sendable, Hashable {
    /// The event's ``OpenLineageEvent/idempotencyKey``.
    public var key: String
    /// True when the same event was already stored: nothing changed.
    public var isDuplicate: Bool
    /// The run's merged state after the event, for RunEvents.
    public var run: JSONValue?
}
