import Arguments
import FoundationEssentials
import HTTPServer
import Registry
import RegistryAPI
import TLS
import Webhooks

/// `meshreg serve`: the HTTP API on our own HTTP/1.1 server, over the local database.
enum ServeCommand: Command {
    static let specification = CommandSpecification(
        name: "serve", summary: "Run the HTTP API (loads the shipped Domains/ into an empty registry).",
        usage: "[--db PATH|URI] [--db-pool N] [--host ADDRESS] [--port N] [--tls-cert FILE --tls-key FILE] [--max-connections N] [--idle-timeout SECONDS]",
        options: [
            .option("host", value: "ADDRESS", help: "Address to listen on (default 127.0.0.1)."),
            .option("port", value: "N", help: "Port to listen on (default 8080; 0 picks a free one)."),
            .option("tls-cert", value: "FILE", help: "Serve HTTPS with this PEM certificate, followed by any intermediates (needs --tls-key)."),
            .option("tls-key", value: "FILE", help: "The certificate's PEM private key, unencrypted (needs --tls-cert)."),
            .option("max-connections", value: "N", help: "Most connections open at once (default 10000); past it new ones get 503 and are closed."),
            .option("idle-timeout", value: "SECONDS", help: "How long a kept-alive connection may wait for its next request (default 5)."),
            .option("admin-token-file", value: "FILE", help: "Where the first admin token is written (default <db>.admin-token; ./meshreg.admin-token on PostgreSQL)."),
            .option("db-pool", value: "N", help: "On PostgreSQL, the most connections this process opens (default 8)."),
            .option("domains", value: "DIR", help: "Domain tree to load when the registry is empty (default ./Domains)."),
            .option("log-format", value: "text|json", help: "Access log format on stderr (default text)."),
            .option("events-retention", value: "DURATION", help: "How long change events are kept: 30d (the default), 12h, 90m."),
            .flag("allow-private-webhooks", help: "Let webhooks reach loopback, private and link-local addresses (tests, local development)."),
            .flag("ui-anonymous-read", help: "Let anyone read the catalog and the web UI at /ui/ without signing in (writes still need a token)."),
            GlobalOptions.database, GlobalOptions.policies,
        ],
        discussion: """
            On first start it creates an admin token, prints it once and writes it to <db>.admin-token
            (mode 0600; ./meshreg.admin-token on PostgreSQL; --admin-token-file names another).

            On PostgreSQL (--db postgres://… or $MESHREG_DB) any number of replicas may serve one
            database: each migrates it on start under an advisory lock, and writes are serialized
            across them. /readyz answers 503 while the database cannot be reached. SIGTERM or SIGINT stops accepting, lets requests in flight finish and closes
            the database.

            Connections are served by one event loop per core; the open-file limit is raised to
            its hard limit at start, and --max-connections is lowered to what that limit allows
            (with a note saying so).

            With --tls-cert and --tls-key it serves HTTPS only: TLS 1.2 and 1.3, ALPN http/1.1.
            SIGHUP reads both files again; new connections get the new pair, open ones keep
            theirs, and a pair that does not load is logged while the old one stays in use.

            EXAMPLE:
              meshreg serve --port 8080
              curl -H "Authorization: Bearer $(cat meshreg.sqlite.admin-token)" localhost:8080/api/v1/products
              meshreg serve --port 8443 --tls-cert server.pem --tls-key server.key
            """)

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let signals = ServeSignals()
        let host = arguments.value("host") ?? "127.0.0.1"
        guard let port = Int(arguments.value("port") ?? "8080"), (0...65_535).contains(port) else {
            throw CommandError("--port must be a number from 0 to 65535")
        }
        guard let requestedConnections = Int(arguments.value("max-connections") ?? "10000"), requestedConnections > 0 else {
            throw CommandError("--max-connections must be a whole number above 0")
        }
        guard let idleSeconds = Int(arguments.value("idle-timeout") ?? "5"), (1...86_400).contains(idleSeconds) else {
            throw CommandError("--idle-timeout must be whole seconds from 1 to 86400")
        }
        let logFormat = arguments.value("log-format") ?? "text"
        guard ["text", "json"].contains(logFormat) else { throw CommandError("--log-format must be text or json") }
        let retentionText = arguments.value("events-retention") ?? "30d"
        guard let retention = EventHousekeeping.seconds(retentionText) else {
            throw CommandError("--events-retention must be a duration like 30d, 12h or 90m, not '\(retentionText)'")
        }
        let allowsPrivateWebhooks = arguments.flag("allow-private-webhooks")
        let poolText = arguments.value("db-pool") ?? "8"
        guard let connections = Int(poolText), (1...1_000).contains(connections) else {
            throw CommandError("--db-pool must be a number of connections from 1 to 1000, not '\(poolText)'")
        }
        let location = context.databaseLocation
        let credentials = try tlsCredentials(arguments)
        let registry = try Registry(location: location, configuration: RegistryConfiguration(
            policies: try context.policies(), allowsPrivateWebhooks: allowsPrivateWebhooks), connections: connections, serving: true)
        try loadShippedMesh(into: registry, from: arguments.value("domains"))
        try ensureAdminToken(registry, path: arguments.value("admin-token-file") ?? defaultAdminTokenPath(location))
        if try registry.recordPolicySet() { Terminal.note("the policy set changed: recorded as an event") }
        try EventHousekeeping(registry: registry, retention: retention).start()
        var webhookConfiguration = WebhookDispatcher.Configuration()
        webhookConfiguration.allowsPrivateAddresses = allowsPrivateWebhooks
        let dispatcher = WebhookDispatcher(registry: registry, configuration: webhookConfiguration, log: { Terminal.note($0) })
        try dispatcher.start()

        let accessLog = try AccessLog(json: logFormat == "json")
        let api = RegistryAPI(registry: registry, allowsAnonymousRead: arguments.flag("ui-anonymous-read"), log: accessLog.record)
        var configuration = HTTPServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.tls = credentials
        configuration.maxConnections = connectionCap(requested: requestedConnections)
        configuration.idleTimeout = .seconds(idleSeconds)
        let server = HTTPServer(configuration: configuration, responder: api)
        let boundPort: Int
        do {
            boundPort = try server.start()
        } catch {
            throw CommandError("cannot listen on \(host):\(port): \(error); pick another --port")
        }
        let scheme = credentials == nil ? "http" : "https"
        Terminal.note("meshreg listening on \(scheme)://\(host):\(boundPort) (database \(location)); web UI at /ui/")
        try signals.handle(stop: {
            Terminal.note("stopping: finishing requests in flight")
            server.shutdown(gracePeriod: .seconds(10))
        }, hangUp: {
            if let credentials { reload(credentials) }
        })
        server.waitUntilStopped()
        accessLog.finish()
        dispatcher.stop()
        Terminal.note("meshreg stopped")
        return .success
    }

    /// The connection cap the open-file limit allows, after raising that limit to its hard limit.
    private static func connectionCap(requested: Int) -> Int {
        let descriptorLimit = HTTPServer.raiseDescriptorLimit()
        let cap = HTTPServer.connectionCap(requested: requested, descriptorLimit: descriptorLimit)
        if cap < requested {
            Terminal.note("serving at most \(cap) connections, not \(requested): the open-file limit is \(descriptorLimit) (raise it with ulimit -n)")
        }
        return cap
    }

    /// The certificate and key of --tls-cert and --tls-key, loaded now so a bad pair stops the start.
    private static func tlsCredentials(_ arguments: ParsedArguments) throws -> TLSServerCredentials? {
        switch (arguments.value("tls-cert"), arguments.value("tls-key")) {
        case (nil, nil):
            return nil
        case (let certificate?, let key?):
            do {
                return try TLSServerCredentials(certificatePath: certificate, keyPath: key)
            } catch {
                throw CommandError("cannot serve HTTPS: \(error)")
            }
        case (_?, nil):
            throw CommandError("--tls-cert needs --tls-key: give the certificate's private key too")
        case (nil, _?):
            throw CommandError("--tls-key needs --tls-cert: give the certificate the key belongs to")
        }
    }

    /// Loads the certificate and key again (on SIGHUP); a pair that fails is logged and the old one kept.
    private static func reload(_ credentials: TLSServerCredentials) {
        do {
            try credentials.reload()
            Terminal.note("reloaded the TLS certificate \(credentials.certificatePath) and key \(credentials.keyPath)")
        } catch {
            Terminal.note("TLS reload failed, still serving the previous certificate: \(error)")
        }
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

    /// Beside a SQLite file; in the working directory for a PostgreSQL database, which has no file.
    private static func defaultAdminTokenPath(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): path + ".admin-token"
        case .postgres: "meshreg.admin-token"
        }
    }

    /// Mints the first admin token: printed once, and kept in a file only the owner can read.
    private static func ensureAdminToken(_ registry: Registry, path: String) throws {
        guard let issued = try registry.issueFirstAdminToken(description: "created by meshreg serve") else { return }
        guard FileManager.default.createFile(atPath: path, contents: Data((issued.token + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CommandError("cannot write the admin token to \(path)")
        }
        Terminal.note("admin token (shown once; also saved to \(path)):\n\(issued.token)")
    }

}
