import Arguments
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
    private let actor: Principal
    private let server: URL?
    private let token: String?
    private let types: [String]
    private let domain: String?

    init(_ arguments: ParsedArguments, _ context: CommandContext) throws {
        types = arguments.allValues("type")
        domain = arguments.value("domain")
        actor = context.actor
        if let text = arguments.value("server") {
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https" else {
                throw CommandError("--server must be an http(s) URL like http://localhost:8080, not '\(text)'")
            }
            guard let token = arguments.value("token") ?? ProcessInfo.processInfo.environment["MESHREG_TOKEN"] else {
                throw CommandError("--server needs a token: pass --token or set MESHREG_TOKEN")
            }
            server = url
            self.token = token
            registry = nil
        } else {
            server = nil
            token = nil
            registry = try context.registry()
        }
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

    /// One `GET /api/v1/events`, blocking until it answers.
    private func fetch(after sequence: Int64, wait: Double) throws -> Page {
        guard let server, var components = URLComponents(url: server.appendingPathComponent("api/v1/events"), resolvingAgainstBaseURL: false) else {
            preconditionFailure("fetch is only called with --server")
        }
        var items = [URLQueryItem(name: "after", value: String(sequence)), URLQueryItem(name: "limit", value: String(Self.pageSize)),
                     URLQueryItem(name: "wait", value: String(Int(wait)))]
        if !types.isEmpty { items.append(URLQueryItem(name: "types", value: types.joined(separator: ","))) }
        if let domain { items.append(URLQueryItem(name: "domain", value: domain)) }
        components.queryItems = items
        guard let url = components.url else { throw CommandError("cannot build a URL from --server \(server)") }
        var request = URLRequest(url: url, timeoutInterval: wait + 30)
        request.setValue("Bearer \(token ?? "")", forHTTPHeaderField: "Authorization")
        let (status, body) = try Self.send(request)
        let json = (try? JSONParser.parse(body)) ?? .null
        switch status {
        case 200: return .events(json.arrayValue ?? [])
        case 410: return .expired(earliestAvailable: json["earliestAvailable"]?.stringValue.flatMap { Int64($0) } ?? 0)
        case 503: return .busy
        default:
            throw CommandError("\(server) answered \(status): \(json["detail"]?.stringValue ?? String(decoding: body, as: UTF8.self))")
        }
    }

    private static func send(_ request: URLRequest) throws -> (Int, [UInt8]) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(status: (response as? HTTPURLResponse)?.statusCode, body: data.map { Array($0) }, error: error)
            done.signal()
        }.resume()
        done.wait()
        return try outcome.result(for: request)
    }
}

/// A URLSession answer handed from its callback to the waiting thread. `@unchecked Sendable`:
/// written once before the semaphore is signalled, read after it is waited for.
private final class Outcome: @unchecked Sendable {
    private var status: Int?
    private var body: [UInt8] = []
    private var error: (any Error)?

    func set(status: Int?, body: [UInt8]?, error: (any Error)?) {
        self.status = status
        self.body = body ?? []
        self.error = error
    }

    func result(for request: URLRequest) throws -> (Int, [UInt8]) {
        guard let status else {
            throw CommandError("cannot reach \(request.url?.absoluteString ?? "the server"): \(error.map { "\($0.localizedDescription)" } ?? "no answer"); is `meshreg serve` running?")
        }
        return (status, body)
    }
}
