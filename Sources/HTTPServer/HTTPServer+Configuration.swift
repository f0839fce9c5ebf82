#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import HTTPProtocol
import TLS

extension HTTPServer {
    /// Where to listen, the limits, the timeouts and the request hook.
    public struct Configuration: Sendable {
        /// An IPv4 or IPv6 literal, or `localhost`.
        public var host: String
        /// The TCP port; 0 lets the kernel choose one, which `start()` returns.
        public var port: Int
        public var limits: HTTPLimits
        /// Most connections open at once. Past the cap a new connection is answered 503 in one
        /// write and closed; the others are served as before.
        public var maxConnections: Int
        /// The kernel's queue of connections not yet accepted.
        public var listenBacklog: Int32
        /// From the first byte of a request until its head is complete (slowloris); then 408.
        public var headerReadTimeout: Duration
        /// From the end of the head until the body is complete; then 408.
        public var bodyReadTimeout: Duration
        /// Event loops, each a thread owning its share of the connections (one per core by default).
        public var eventLoops: Int
        /// Most threads running the responder at once for ordinary requests; more requests queue.
        public var workerThreads: Int
        /// Most threads for requests the responder says may wait long (long polls); kept apart so
        /// waiting readers never take the ordinary workers.
        public var longWaitThreads: Int
        /// How long a connection may wait for its next (or first) request before it is closed silently.
        public var idleTimeout: Duration
        /// How long sending one response may take before the connection is dropped.
        public var writeTimeout: Duration
        /// After a final response on a closing connection, how long unread client bytes are
        /// drained, so the kernel does not reset the connection before the client reads it.
        public var lingerTimeout: Duration
        /// The certificate and key to serve HTTPS with; nil serves plain HTTP.
        public var tls: TLSServerCredentials?
        /// From accepting a TLS connection until its handshake is complete; then it is cut.
        public var tlsHandshakeTimeout: Duration
        /// Whether responses carry a `Date` field (RFC 9110 §6.6.1).
        public var sendsDateHeader: Bool
        /// Called after each response is handed to the kernel, on the event loop's thread: keep it
        /// short. The server logs nothing itself; the hook decides what, if anything, to record.
        public var onRequestCompleted: (@Sendable (CompletedRequest) -> Void)?

        public init(
            host: String = "127.0.0.1",
            port: Int = 8080,
            limits: HTTPLimits = .default,
            maxConnections: Int = 10_000,
            listenBacklog: Int32 = 4096,
            eventLoops: Int = HTTPServer.processorCount,
            workerThreads: Int = max(8, 4 * HTTPServer.processorCount),
            longWaitThreads: Int = 320,
            headerReadTimeout: Duration = .seconds(10),
            bodyReadTimeout: Duration = .seconds(30),
            idleTimeout: Duration = .seconds(5),
            writeTimeout: Duration = .seconds(30),
            lingerTimeout: Duration = .seconds(2),
            tls: TLSServerCredentials? = nil,
            tlsHandshakeTimeout: Duration = .seconds(10),
            sendsDateHeader: Bool = true,
            onRequestCompleted: (@Sendable (CompletedRequest) -> Void)? = nil
        ) {
            self.host = host
            self.port = port
            self.limits = limits
            self.maxConnections = maxConnections
            self.listenBacklog = listenBacklog
        self.eventLoops = eventLoops
        self.workerThreads = workerThreads
        self.longWaitThreads = longWaitThreads
            self.headerReadTimeout = headerReadTimeout
            self.bodyReadTimeout = bodyReadTimeout
            self.idleTimeout = idleTimeout
            self.writeTimeout = writeTimeout
            self.lingerTimeout = lingerTimeout
            self.tls = tls
            self.tlsHandshakeTimeout = tlsHandshakeTimeout
            self.sendsDateHeader = sendsDateHeader
            self.onRequestCompleted = onRequestCompleted
        }
    }

    /// The processors this process may run on, for the default number of event loops.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// What the `onRequestCompleted` hook learns about one answered request.
    public struct CompletedRequest: Sendable, Hashable {
        /// Nil when the request was refused before its request line was understood.
        public var method: HTTPMethod?
        /// The decoded path without the query; nil when the request was refused before its head was complete.
        public var path: String?
        public var status: Int
        /// From the first byte of the request until the response was handed to the kernel.
        public var duration: Duration
    }
}
