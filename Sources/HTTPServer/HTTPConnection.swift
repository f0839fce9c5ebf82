#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPProtocol

/// Serves one client connection on its own thread: requests strictly one at a time, in order,
/// over plain TCP or TLS (the transport).
struct HTTPConnection<Transport: ConnectionTransport> {
    /// Which deadline applies to the bytes being waited for.
    private enum Phase {
        case idle
        case head
        case body
    }

    /// What reading one request produced.
    private enum ReadOutcome {
        case request(HTTPRequest, started: ContinuousClock.Instant)
        case refused(HTTPResponse, head: HTTPRequestHead?, started: ContinuousClock.Instant)
        case closed
    }

    private let transport: Transport
    private var socket: Socket { transport.socket }
    private let remoteAddress: String
    private let identifier: Int
    private let configuration: HTTPServer.Configuration
    private let responder: any HTTPResponder
    private let registry: ConnectionRegistry
    private var parser: HTTPRequestParser
    private let receiveBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 10, alignment: 16)
    /// The SO_RCVTIMEO last set, so the common idle wait costs no extra system call.
    private var receiveTimeout: Duration?
    private var cachedDate = (second: -1, text: "")

    init(transport: Transport, remoteAddress: String, identifier: Int, configuration: HTTPServer.Configuration,
         responder: any HTTPResponder, registry: ConnectionRegistry) {
        self.transport = transport
        self.remoteAddress = remoteAddress
        self.identifier = identifier
        self.configuration = configuration
        self.responder = responder
        self.registry = registry
        parser = HTTPRequestParser(limits: configuration.limits)
    }

    /// Serves requests until the client leaves, a timeout fires, an error is answered or the
    /// server stops; then closes the socket (its only close).
    mutating func run() {
        defer {
            registry.remove(identifier)
            socket.close()
            receiveBuffer.deallocate()
        }
        do {
            try socket.setNoDelay()
            try socket.setSendTimeout(configuration.writeTimeout)
            // No request is in flight during a TLS handshake: stopping the server cuts it like an idle connection.
            guard registry.markIdle(identifier) else { return }
            try transport.open(deadline: .now + configuration.tlsHandshakeTimeout, buffer: receiveBuffer)
            while try serveNextRequest() {}
        } catch {
            // A failed send or receive means the peer is gone or the socket was shut down:
            // nothing more can be said to this client, so the connection just closes.
        }
    }

    /// Reads, answers and reports one request; false when the connection must close.
    private mutating func serveNextRequest() throws(SocketError) -> Bool {
        switch try readRequest() {
        case .closed:
            return false
        case .refused(let response, let head, let started):
            try send(response, to: head, closesConnection: true, started: started)
            lingeringClose()
            return false
        case .request(let request, let started):
            let response = responder.respond(to: request)
            let closes = !request.head.keepAlive || registry.isStopping
            try send(response, to: request.head, closesConnection: closes, started: started)
            if closes { lingeringClose() }
            return !closes
        }
    }

    private mutating func send(
        _ response: HTTPResponse, to head: HTTPRequestHead?, closesConnection: Bool,
        started: ContinuousClock.Instant
    ) throws(SocketError) {
        let bytes = HTTPResponseEncoder.encode(response, respondingTo: head, closesConnection: closesConnection, date: currentDate())
        try transport.sendAll(bytes, deadline: .now + configuration.writeTimeout)
        configuration.onRequestCompleted?(HTTPServer.CompletedRequest(
            method: head?.method, path: head.map { HTTPRequest(head: $0).path }, status: response.status.code, duration: started.duration(to: .now)))
    }

    private mutating func readRequest() throws(SocketError) -> ReadOutcome {
        var phase = Phase.head
        var started = ContinuousClock.now
        var deadline = started + configuration.headerReadTimeout
        if parser.isIdle {
            guard registry.markIdle(identifier) else { return .closed }
            phase = .idle
        }
        var head: HTTPRequestHead?
        var body: [UInt8] = []
        while true {
            switch parser.next() {
            case .head(let parsedHead):
                head = parsedHead
                phase = .body
                deadline = .now + configuration.bodyReadTimeout
                if case .contentLength(let length) = parsedHead.bodyFraming { body.reserveCapacity(length) }
                if parsedHead.expectsContinue && parsedHead.hasBody && parser.bufferedByteCount == 0 {
                    try transport.sendAll(HTTPResponseEncoder.continueResponse, deadline: .now + configuration.writeTimeout)
                }
            case .body(let bytes):
                body.append(contentsOf: bytes)
            case .end:
                guard let head else { preconditionFailure("the parser ends a request only after its head") }
                return .request(HTTPRequest(head: head, body: body, remoteAddress: remoteAddress, isSecure: transport.isSecure), started: started)
            case .error(let error):
                return .refused(HTTPResponse(error: error), head: head, started: started)
            case .needMoreData:
                let timeout = phase == .idle ? configuration.idleTimeout : ContinuousClock.now.duration(to: deadline)
                if timeout < .milliseconds(1) {
                    return .refused(timeoutResponse(phase), head: head, started: started)
                }
                if timeout != receiveTimeout {
                    try socket.setReceiveTimeout(timeout)
                    receiveTimeout = timeout
                }
                switch try transport.receive(into: receiveBuffer) {
                case .received(let count):
                    if phase == .idle {
                        registry.markBusy(identifier)
                        phase = .head
                        started = .now
                        deadline = started + configuration.headerReadTimeout
                    }
                    parser.feed(UnsafeRawBufferPointer(rebasing: receiveBuffer[..<count]))
                case .closedByPeer:
                    return .closed
                case .timedOut:
                    if phase == .idle { return .closed }
                }
            }
        }
    }

    private func timeoutResponse(_ phase: Phase) -> HTTPResponse {
        let what = phase == .body ? "body" : "head"
        return HTTPResponse(status: .requestTimeout, text: "the request \(what) did not arrive in time\n")
    }

    /// Half-closes, then drains what the client still sends for a moment, so the response is
    /// not lost to a TCP reset caused by unread data (RFC 9112 §9.6). Under TLS the drained bytes
    /// stay encrypted: nothing more is read from them.
    private mutating func lingeringClose() {
        let deadline = ContinuousClock.now + configuration.lingerTimeout
        transport.closeWrite(deadline: deadline)
        var drained = 0
        while drained < 1 << 20 {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining >= .milliseconds(1), (try? socket.setReceiveTimeout(remaining)) != nil,
                  case .received(let count)? = try? socket.receive(into: receiveBuffer)
            else { return }
            drained += count
        }
    }

    private mutating func currentDate() -> String? {
        guard configuration.sendsDateHeader else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        if now.tv_sec != cachedDate.second {
            cachedDate = (now.tv_sec, HTTPDate.format(secondsSince1970: now.tv_sec))
        }
        return cachedDate.text
    }
}
