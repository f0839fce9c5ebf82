#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import HTTPProtocol
import Synchronization

/// What a running server's event loops share: the listener, the responder and its pools, the
/// connection count against the cap, and whether the server is stopping.
final class ServerState: Sendable {
    let configuration: HTTPServer.Configuration
    let responder: any HTTPResponder
    let listener: Socket
    let workerPool: WorkerPool
    let longWaitPool: WorkerPool
    /// The state machine's settings, shared by every connection but its address.
    let machineSettings: HTTPConnectionStateMachine.Settings
    private let openConnections = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let cutting = Atomic<Bool>(false)
    private let listenerClosed = Atomic<Bool>(false)
    /// A descriptor kept free so a client can still be told "busy" when the process has none left.
    private let spareDescriptor = Mutex<Int32>(-1)

    /// The answer to a connection past the cap: sent in one write, then the connection closes.
    static let busyResponse = HTTPResponseEncoder.encode(
        HTTPResponse(status: .serviceUnavailable, headers: HTTPHeaders([("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", "1")]),
                     body: Array("the server is at its connection limit; try again in a moment\n".utf8)),
        respondingTo: nil, closesConnection: true)

    init(configuration: HTTPServer.Configuration, responder: any HTTPResponder, listener: Socket) {
        self.configuration = configuration
        self.responder = responder
        self.listener = listener
        workerPool = WorkerPool(maximumThreads: configuration.workerThreads)
        longWaitPool = WorkerPool(maximumThreads: configuration.longWaitThreads)
        machineSettings = HTTPConnectionStateMachine.Settings(
            limits: configuration.limits, headerReadTimeout: configuration.headerReadTimeout, bodyReadTimeout: configuration.bodyReadTimeout,
            idleTimeout: configuration.idleTimeout, writeTimeout: configuration.writeTimeout, lingerTimeout: configuration.lingerTimeout,
            handshakeTimeout: configuration.tlsHandshakeTimeout, isSecure: configuration.tls != nil,
            reportsCompletedRequests: configuration.onRequestCompleted != nil)
        spareDescriptor.withLock { $0 = open("/dev/null", O_RDONLY | O_CLOEXEC) }
    }

    deinit {
        spareDescriptor.withLock { if $0 >= 0 { Glibc.close($0) } }
    }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }
    var isCutting: Bool { cutting.load(ordering: .acquiring) }

    /// Marks the server stopping and shuts the listener, once: a later call finds the
    /// listener's descriptor closed (and perhaps reused) and leaves it alone.
    func beginStopping() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        listener.shutdown(Int32(SHUT_RDWR))
    }
    func beginCutting() { cutting.store(true, ordering: .releasing) }

    /// Closes the listening socket the first time it is called.
    func closeListenerOnce() {
        if !listenerClosed.exchange(true, ordering: .acquiringAndReleasing) { listener.close() }
    }

    /// Counts a new connection; false when the cap is reached.
    func reserveConnection() -> Bool {
        let count = openConnections.add(1, ordering: .relaxed).newValue
        guard count <= configuration.maxConnections else {
            openConnections.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func releaseConnection() {
        openConnections.subtract(1, ordering: .relaxed)
    }

    /// Answers 503 in one write and closes. What the client already sent is read first, so the
    /// close does not reset the connection before the answer arrives.
    func refuseBusy(_ socket: Socket, scratch: UnsafeMutableRawBufferPointer) {
        _ = try? socket.receive(into: scratch)
        _ = Self.busyResponse.withUnsafeBytes { try? socket.send($0) }
        socket.shutdown(Int32(SHUT_WR))
        socket.close()
    }

    /// With no descriptor left to accept with, frees the spare one, accepts a client, answers it
    /// 503 and takes the spare back; otherwise the backlog would fill and every client time out.
    func refuseOneWithoutDescriptor() {
        spareDescriptor.withLock { spare in
            guard spare >= 0 else { return }
            Glibc.close(spare)
            if let accepted = try? listener.accept() {
                _ = Self.busyResponse.withUnsafeBytes { try? accepted.socket.send($0) }
                accepted.socket.close()
            }
            spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
    }
}
