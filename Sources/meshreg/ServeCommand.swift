import Arguments
import Dispatch
import Foundation
import HTTPServer
import Registry
import RegistryAPI
import Webhooks

/// `meshreg serve`: the HTTP API on our own HTTP/1.1 server, over the local database.
enum ServeCommand: Command {
    static let specification = CommandSpecification(
        name: "serve", summary: "Run the HTTP API (loads the shipped Domains/ into an empty registry).",
        usage: "[--db PATH] [--host ADDRESS] [--port N]",
        options: [
            .option("host", value: "ADDRESS", help: "Address to listen on (default 127.0.0.1)."),
            .option("port", value: "N", help: "Port to listen on (default 8080; 0 picks a free one)."),
            .option("domains", value: "DIR", help: "Domain tree to load when the registry is empty (default ./Domains)."),
            .option("log-format", value: "text|json", help: "Access log format on stderr (default text)."),
            .option("events-retention", value: "DURATION", help: "How long change events are kept: 30d (the default), 12h, 90m."),
            .flag("allow-private-webhooks", help: "Let webhooks reach loopback, private and link-local addresses (tests, local development)."),
            .flag("ui-anonymous-read", help: "Let anyone read the catalog and the web UI at /ui/ without signing in (writes still need a token)."),
            GlobalOptions.database, GlobalOptions.policies,
        ],
        discussion: """
            On first start it creates an admin token, prints it once and writes it to <db>.admin-token
            (mode 0600). SIGTERM or SIGINT stops accepting, lets requests in flight finish and closes
            the database.

            EXAMPLE:
              meshreg serve --port 8080
              curl -H "Authorization: Bearer $(cat meshreg.sqlite.admin-token)" localhost:8080/api/v1/products
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let host = arguments.value("host") ?? "127.0.0.1"
        guard let port = Int(arguments.value("port") ?? "8080"), (0...65_535).contains(port) else {
            throw CommandError("--port must be a number from 0 to 65535")
        }
        let logFormat = arguments.value("log-format") ?? "text"
        guard ["text", "json"].contains(logFormat) else { throw CommandError("--log-format must be text or json") }
        let retentionText = arguments.value("events-retention") ?? "30d"
        guard let retention = EventHousekeeping.seconds(retentionText) else {
            throw CommandError("--events-retention must be a duration like 30d, 12h or 90m, not '\(retentionText)'")
        }
        let allowsPrivateWebhooks = arguments.flag("allow-private-webhooks")
        let databasePath = try context.sqlitePath()
        let registry = try Registry(path: databasePath, configuration: RegistryConfiguration(
            policies: try context.policies(), allowsPrivateWebhooks: allowsPrivateWebhooks))
        try loadShippedMesh(into: registry, from: arguments.value("domains"))
        try ensureAdminToken(registry, databasePath: databasePath)
        if try registry.recordPolicySet() { Terminal.note("the policy set changed: recorded as an event") }
        EventHousekeeping(registry: registry, retention: retention).start()
        var webhookConfiguration = WebhookDispatcher.Configuration()
        webhookConfiguration.allowsPrivateAddresses = allowsPrivateWebhooks
        let dispatcher = WebhookDispatcher(registry: registry, configuration: webhookConfiguration, log: { Terminal.note($0) })
        dispatcher.start()

        let api = RegistryAPI(registry: registry, allowsAnonymousRead: arguments.flag("ui-anonymous-read"), log: AccessLog(json: logFormat == "json").write)
        var configuration = HTTPServer.Configuration()
        configuration.host = host
        configuration.port = port
        let server = HTTPServer(configuration: configuration, responder: api)
        let boundPort: Int
        do {
            boundPort = try server.start()
        } catch {
            throw CommandError("cannot listen on \(host):\(port): \(error); pick another --port")
        }
        Terminal.note("meshreg listening on http://\(host):\(boundPort) (database \(databasePath)); web UI at /ui/")
        let signals = stopOnSignals(server)
        server.waitUntilStopped()
        dispatcher.stop()
        signals.forEach { $0.cancel() }
        Terminal.note("meshreg stopped")
        return .success
    }

    /// Applies the domain tree when the registry has no domain yet, so a first run shows a real mesh.
    private static func loadShippedMesh(into registry: Registry, from directory: String?) throws {
        guard try registry.domains().isEmpty else { return }
        let path = directory ?? "Domains"
        guard FileManager.default.fileExists(atPath: path) else {
            if directory != nil { throw CommandError("--domains \(path) does not exist") }
            Terminal.note("the registry is empty and there is no ./Domains to load; starting empty")
            return
        }
        let (submissions, errors) = try DocumentFiles.read(try DocumentFiles.expand([path]))
        if let error = errors.first { throw error }
        let results = try registry.apply(submissions, actor: .localAdmin)
        Terminal.note("loaded \(results.count) documents from \(path)")
    }

    /// Mints the first admin token: printed once, and kept in a file only the owner can read.
    private static func ensureAdminToken(_ registry: Registry, databasePath: String) throws {
        guard try !registry.hasAdminToken() else { return }
        let issued = try registry.issueToken(for: .user("admin", isAdmin: true), description: "created by meshreg serve", actor: .localAdmin)
        let path = databasePath + ".admin-token"
        guard FileManager.default.createFile(atPath: path, contents: Data((issued.token + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CommandError("cannot write the admin token to \(path)")
        }
        Terminal.note("admin token (shown once; also saved to \(path)):\n\(issued.token)")
    }

    /// SIGTERM and SIGINT shut the server down gracefully.
    private static func stopOnSignals(_ server: HTTPServer) -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Terminal.note("stopping: finishing requests in flight")
                server.shutdown(gracePeriod: .seconds(10))
            }
            source.resume()
            return source
        }
    }
}

/// One line per request on stderr: time, method, route template, status, duration, principal,
/// request id, and why the server failed when it did.
struct AccessLog: Sendable {
    let json: Bool

    func write(_ record: RegistryAPI.LogRecord) {
        Terminal.writeError(record.line(time: Timestamp.now, json: json))
    }
}
