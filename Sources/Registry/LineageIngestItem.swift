import Lineage

/// An event waiting in the ingest queue.
struct LineageIngestItem: Sendable {
    var event: OpenLineageEvent
    var key: String
    /// The event's text as received, stored as the raw event.
    var body: String
    var actor: Principal
}
