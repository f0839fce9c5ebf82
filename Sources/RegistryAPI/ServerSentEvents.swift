import JSON
import Registry

/// Events as a `text/event-stream` body (HTML Living Standard, "Server-sent events"): one
/// message per event, its CloudEvent as `data`, its sequence as `id` for `Last-Event-ID`.
enum ServerSentEvents {
    /// The client reconnects this soon after the response ends, resuming from the last id.
    static let retryMilliseconds = 1_000

    static func encode(_ events: [ChangeEvent], registryID: String) -> String {
        var text = "retry: \(retryMilliseconds)\n\n"
        for event in events {
            text += "id: \(event.sequence)\nevent: \(event.cloudEventType)\ndata: \(event.cloudEvent(registryID: registryID).encoded())\n\n"
        }
        return text
    }
}
