import FoundationEssentials
import HTTPProtocol
import JSON
import Registry

/// `/api/v1/events`: the change log as CloudEvents, paged by sequence, with long polls, and as
/// Server-Sent Events (docs/ARCHITECTURE.md, "Change events").
enum EventRoutes {
    static let batchMediaType = "application/cloudevents-batch+json"

    static func routes(registry: Registry) -> [Route] {
        [
            Route(.get, "/api/v1/events") { context in
                let query = try EventQuery(context, after: try sequenceQuery(context.request.queryValue("after"), registryID: registry.registryID))
                switch try query.read(registry, actor: try context.actor) {
                case .events(let events):
                    let body = JSONValue.array(events.map { $0.cloudEvent(registryID: registry.registryID) })
                    return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", batchMediaType)]), body: Array(body.encoded().utf8))
                case .expired(let earliest): return expired(earliest)
                case .busy: return busy()
                }
            },
            Route(.get, "/api/v1/events/stream") { context in
                let resume = context.request.headers["Last-Event-ID"] ?? context.request.queryValue("after")
                var query = try EventQuery(context, after: try sequenceQuery(resume, registryID: registry.registryID))
                query.wait = context.request.queryValue("wait") == nil ? 25 : query.wait
                switch try query.read(registry, actor: try context.actor) {
                case .events(let events):
                    return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")]),
                                        body: Array(ServerSentEvents.encode(events, registryID: registry.registryID).utf8))
                case .expired(let earliest): return expired(earliest)
                case .busy: return busy()
                }
            },
        ]
    }

    /// A sequence position: a whole number from 0; nil text is 0. This registry's CloudEvent
    /// ids (`<registry id>-<sequence>`) are accepted too.
    static func sequenceQuery(_ text: String?, registryID: String) throws(APIError) -> Int64 {
        guard let text else { return 0 }
        let digits = text.hasPrefix(registryID + "-") ? String(text.dropFirst(registryID.count + 1)) : text
        guard let value = Int64(digits), value >= 0 else {
            throw APIError(.badRequest, "invalid-parameter", "the position must be an event sequence (a whole number from 0), not '\(text)'")
        }
        return value
    }

    private static func expired(_ earliest: Int64) -> HTTPResponse {
        ProblemResponse.make(status: HTTPStatus(code: 410), code: "events-expired",
                             detail: "events after this position were removed by retention; read again from after=\(earliest - 1), knowing some were missed",
                             extra: ["earliestAvailable": .string(String(earliest))])
    }

    private static func busy() -> HTTPResponse {
        var response = ProblemResponse.make(status: .serviceUnavailable, code: "busy",
                                            detail: "too many readers are waiting for events; poll again in a moment")
        response.headers.add(name: "Retry-After", value: "1")
        return response
    }
}

/// The feed's query parameters: `limit`, `types`, `domain`, `wait`.
struct EventQuery {
    var after: Int64
    var limit: Int
    var types: [String]
    var domain: String?
    var wait: Double

    init(_ context: RequestContext, after: Int64) throws(APIError) {
        let request = context.request
        self.after = after
        limit = try context.integerQuery("limit", maximum: 1_000) ?? 100
        types = (request.queryValue("types") ?? "").split(separator: ",").map { ChangeEvent.shortType(String($0)) }
        if let unknown = types.first(where: { !ChangeEventType.all.contains($0) }) {
            throw APIError(.badRequest, "invalid-parameter",
                           "unknown event type '\(unknown)'; the types are \(ChangeEventType.all.joined(separator: ", "))")
        }
        domain = request.queryValue("domain").flatMap { $0.isEmpty ? nil : $0 }  // `domain=` filters nothing, like `types=`
        let waitText = request.queryValue("wait")
        guard let seconds = Double(waitText ?? "0"), seconds >= 0, seconds <= Registry.maximumEventWait else {
            throw APIError(.badRequest, "invalid-parameter", "wait is seconds from 0 to \(Int(Registry.maximumEventWait)), not '\(waitText ?? "")'")
        }
        wait = seconds
    }

    func read(_ registry: Registry, actor: Principal) throws(RegistryError) -> EventRead {
        try registry.events(after: after, limit: limit, types: types, domain: domain, reader: actor, wait: wait)
    }
}
