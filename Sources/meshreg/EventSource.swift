import Arguments
import FoundationEssentials
import JSON
import Registry

/// Where `events tail` reads: the database file, or `GET /api/v1/events` of a running service.
struct EventSource {
    /// What one read found, as CloudEvents.
    enum Page {
        case events([JSONValue])
        case expired(earliestAvailable: Int64)
        case busy
    }

    static let pageSize = 1_000

    private let registry: Registry?
    private let remote: RemoteRegistry?
    private let actor: Principal
    private let types: [String]
    private let domain: String?

    init(_ arguments: ParsedArguments, _ context: CommandContext) throws {
        types = arguments.allValues("type")
        domain = arguments.value("domain")
        remote = try context.remote()
        actor = remote == nil ? context.actor : .localAdmin
        registry = remote == nil ? try context.registry() : nil
    }

    func read(after sequence: Int64, wait: Double) throws -> Page {
        if let registry {
            switch try registry.events(after: sequence, limit: Self.pageSize, types: types, domain: domain, reader: actor, wait: wait) {
            case .events(let events): return .events(events.map { $0.cloudEvent(registryID: registry.registryID) })
            case .expired(let earliest): return .expired(earliestAvailable: earliest)
            case .busy: return .busy
            }
        }
        return try fetch(after: sequence, wait: wait)
    }

    /// One `GET /api/v1/events`, blocking until it answers; the long poll ends well within `--timeout`.
    private func fetch(after sequence: Int64, wait: Double) throws -> Page {
        guard let remote else { preconditionFailure("fetch is only called with --server") }
        let poll = max(0, min(wait, remote.timeout - 5))
        let query: [(String, String?)] = [("after", String(sequence)), ("limit", String(Self.pageSize)), ("wait", String(Int(poll))),
                                          ("types", types.isEmpty ? nil : types.joined(separator: ",")), ("domain", domain)]
        do {
            return .events(try remote.send("GET", "/api/v1/events", query: query).arrayValue ?? [])
        } catch RemoteError.problem(410, let body) {
            return .expired(earliestAvailable: body["earliestAvailable"]?.stringValue.flatMap { Int64($0) } ?? body["earliestAvailable"]?.integerValue ?? 0)
        } catch RemoteError.problem(503, _) {
            return .busy
        }
    }
}
