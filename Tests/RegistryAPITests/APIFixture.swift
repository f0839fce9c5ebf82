import Foundation
import HTTPProtocol
import JSON
import PostgresTestSupport
import Registry
import RegistryAPI
import SQL

/// The API over a registry loaded with the shipped retail mesh, called without sockets.
final class APIFixture {
    let directory: URL
    let registry: Registry
    let api: RegistryAPI
    let adminToken: String
    /// david.kim owns the orders domain's team, order-platform.
    let ordersOwnerToken: String
    /// sam.lee is in marketing only.
    let outsiderToken: String

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The database as `--db` names it (a file, or a database on the throwaway PostgreSQL cluster).
    let databaseLocation: String

    /// A connection of its own to the database, for tests that break it behind the registry's back.
    func connection() throws -> any SQLConnection { try TestEngine.connect(databaseLocation) }

    /// Another registry on the same database, as a second process or replica would open it.
    func reopen(clock: @escaping @Sendable () -> Date = { Date() }) throws -> Registry {
        try Registry(location: DatabaseLocation(databaseLocation), clock: clock)
    }

    /// `serving`: the registry `meshreg serve` opens, which hears other processes' commits and caches current documents.
    init(configuration: RegistryConfiguration = RegistryConfiguration(), serving: Bool = false,
         log: (@Sendable (RegistryAPI.LogRecord) -> Void)? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databaseLocation = try TestEngine.newDatabase(file: directory.appendingPathComponent("api.sqlite").path)
        registry = try Registry(location: DatabaseLocation(databaseLocation), configuration: configuration, serving: serving)
        try registry.apply(try Self.shippedMesh(), actor: .localAdmin)
        adminToken = try registry.issueToken(for: .user("admin", isAdmin: true), actor: .localAdmin).token
        ordersOwnerToken = try registry.issueToken(for: .user("david.kim"), actor: .localAdmin).token
        outsiderToken = try registry.issueToken(for: .user("sam.lee"), actor: .localAdmin).token
        api = RegistryAPI(registry: registry, log: log)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func shippedMesh() throws -> [DocumentSubmission] {
        let root = repositoryRoot.appendingPathComponent("Domains")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { file in
            let data = try Data(contentsOf: root.appendingPathComponent(file))
            return try DocumentSubmission.decode(Array(data), mediaType: .yaml, source: file)
        }
    }

    /// A file of the shipped mesh, as text.
    static func meshFile(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Domains").appendingPathComponent(path), encoding: .utf8)
    }

    func send(_ method: HTTPMethod, _ target: String, token: String? = nil, headers: [(String, String)] = [], body: String? = nil,
              overTLS: Bool = false) -> HTTPResponse {
        var fields = HTTPHeaders([("Host", "localhost")] + headers)
        if let token { fields.add(name: "Authorization", value: "Bearer \(token)") }
        let head = HTTPRequestHead(method: method, target: target, headers: fields)
        return api.respond(to: HTTPRequest(head: head, body: Array((body ?? "").utf8), isSecure: overTLS))
    }
}

extension HTTPResponse {
    var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }
}
