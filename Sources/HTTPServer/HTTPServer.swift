#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPProtocol
import Synchronization
import Threads
import TLS

/// An HTTP/1.1 server on POSIX sockets: one accept thread and one OS thread per connection.
///
/// Why threads and blocking sockets rather than an epoll loop: the registry's handlers call
/// SQLite, which blocks, and must never run on Swift concurrency's cooperative pool. With a
/// thread per connection a blocking handler delays only its own client; timeouts are the
/// kernel's (SO_RCVTIMEO / SO_SNDTIMEO) plus per-phase deadlines; the connection cap bounds the
/// thread count. Registry-sized load (hundreds of connections) suits this model; an epoll loop
/// would need a separate worker pool for handlers and buys nothing at that scale.
public final class HTTPServer: Sendable {
    private let configuration: Configuration
    private let responder: any HTTPResponder
    private let registry = Mutex<ConnectionRegistry?>(nil)

    public init(configuration: Configuration, responder: some HTTPResponder) {
        precondition(configuration.maxConnections > 0, "maxConnections must be positive")
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds, listens and starts accepting; returns the bound port (the chosen one for port 0).
    public func start() throws(SocketError) -> Int {
        signal(SIGPIPE, SIG_IGN)
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
        let port: Int
        do {
            port = try listener.localPort()
        } catch {
            listener.close()
            throw error
        }
        let registry = ConnectionRegistry(listener: listener, maxConnections: configuration.maxConnections)
        self.registry.withLock { current in
            precondition(current == nil, "an HTTPServer is started once")
            current = registry
        }
        let configuration = configuration
        let responder = responder
        do {
            try OSThread.detach {
                Self.acceptConnections(on: listener, registry: registry, configuration: configuration, responder: responder)
            }
        } catch {
            registry.acceptLoopFinished()
            throw SocketError(call: "pthread_create", errorNumber: error.errorNumber)
        }
        return port
    }

    /// Stops accepting, closes idle connections and lets in-flight requests finish; after the
    /// grace period the remaining connections are cut. Returns when every connection is closed.
    public func shutdown(gracePeriod: Duration) {
        guard let registry = registry.withLock({ $0 }) else { return }
        registry.beginStopping()
        if !registry.waitUntilStopped(deadline: .now + gracePeriod) {
            registry.shutDownAllConnections()
            registry.waitUntilStopped()
        }
    }

    /// Blocks until the server has stopped (after `shutdown`); returns at once if never started.
    public func waitUntilStopped() {
        registry.withLock { $0 }?.waitUntilStopped()
    }

    private static func acceptConnections(
        on listener: Socket, registry: ConnectionRegistry, configuration: Configuration, responder: any HTTPResponder
    ) {
        defer { registry.acceptLoopFinished() }
        while registry.waitForFreeSlot() {
            let client: Socket
            let address: String
            do {
                (client, address) = try listener.accept()
            } catch {
                if registry.isStopping { return }
                // ECONNABORTED, EMFILE, ENOBUFS…: transient; pause briefly instead of spinning.
                usleep(10_000)
                continue
            }
            guard let identifier = registry.register(client) else {
                client.close()
                return
            }
            do {
                try OSThread.detach {
                    serve(client, address: address, identifier: identifier, registry: registry, configuration: configuration, responder: responder)
                }
            } catch {
                registry.remove(identifier)
                client.close()
            }
        }
    }

    /// Runs one connection on the current thread, over TLS when the server has credentials.
    private static func serve(
        _ client: Socket, address: String, identifier: Int, registry: ConnectionRegistry, configuration: Configuration,
        responder: any HTTPResponder
    ) {
        guard let credentials = configuration.tls else {
            var connection = HTTPConnection(
                transport: PlainTransport(socket: client), remoteAddress: address, identifier: identifier,
                configuration: configuration, responder: responder, registry: registry)
            return connection.run()
        }
        guard let session = try? credentials.makeSession() else {
            registry.remove(identifier)
            client.close()
            return
        }
        var connection = HTTPConnection(
            transport: TLSTransport(socket: client, session: session, writeTimeout: configuration.writeTimeout), remoteAddress: address, identifier: identifier,
            configuration: configuration, responder: responder, registry: registry)
        connection.run()
    }
}
