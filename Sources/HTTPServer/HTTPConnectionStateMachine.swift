import HTTPProtocol

/// The life of one HTTP/1.1 connection, with no socket and no clock (docs/ARCHITECTURE.md,
/// "Event loops"): the event loop reports what happened (bytes, the peer closing, the
/// responder's answer, output flushed, a timer tick, the server stopping) and then asks
/// `nextAction(now:)` what to do until it answers `.wait`.
///
/// Requests are answered strictly one at a time, in order: the next pipelined request is parsed
/// only once the previous answer has left, which also bounds what a client that never reads can
/// make the server buffer. `deadline` is the one moment a timer must report.
package struct HTTPConnectionStateMachine {
    /// What the event loop must do next.
    package enum Action: Equatable {
        /// Send these bytes after any still queued; `completed` is reported once they are handed over.
        case send([UInt8], completed: HTTPServer.CompletedRequest?)
        /// Run the responder on a worker and report its answer with `responseProduced`.
        case dispatch(HTTPRequest)
        /// Once the queued output is sent, end the sending direction (close_notify under TLS).
        case shutdownWrite
        /// Close the socket now; the machine is finished.
        case close
        /// Nothing until the next event.
        case wait
    }

    /// Timeouts and limits the machine enforces (a subset of `HTTPServer.Configuration`).
    package struct Settings: Sendable {
        package var limits: HTTPLimits
        package var headerReadTimeout: Duration
        package var bodyReadTimeout: Duration
        package var idleTimeout: Duration
        package var writeTimeout: Duration
        package var lingerTimeout: Duration
        package var handshakeTimeout: Duration
        package var isSecure: Bool
        package var remoteAddress: String?
        /// Whether `.send` carries the `CompletedRequest` to report (the server has a hook).
        package var reportsCompletedRequests: Bool

        package init(
            limits: HTTPLimits = .default, headerReadTimeout: Duration = .seconds(10), bodyReadTimeout: Duration = .seconds(30),
            idleTimeout: Duration = .seconds(5), writeTimeout: Duration = .seconds(30), lingerTimeout: Duration = .seconds(2),
            handshakeTimeout: Duration = .seconds(10), isSecure: Bool = false, remoteAddress: String? = nil, reportsCompletedRequests: Bool = false
        ) {
            self.limits = limits
            self.headerReadTimeout = headerReadTimeout
            self.bodyReadTimeout = bodyReadTimeout
            self.idleTimeout = idleTimeout
            self.writeTimeout = writeTimeout
            self.lingerTimeout = lingerTimeout
            self.handshakeTimeout = handshakeTimeout
            self.isSecure = isSecure
            self.remoteAddress = remoteAddress
            self.reportsCompletedRequests = reportsCompletedRequests
        }
    }

    /// Most bytes read and thrown away after a final answer before the socket is closed anyway.
    package static let maximumLingerBytes = 1 << 20

    private enum Phase {
        /// Waiting for the TLS handshake to finish.
        case handshaking(deadline: MonotonicInstant)
        /// Between requests, nothing of the next one received.
        case idle(deadline: MonotonicInstant)
        /// Part of a head has arrived.
        case readingHead(started: MonotonicInstant, deadline: MonotonicInstant)
        /// The head is complete; the body is arriving.
        case readingBody(RequestInProgress, deadline: MonotonicInstant)
        /// The responder is working on the request.
        case responding(RequestInProgress)
        /// The answer is ready but held until `until` (a throttled client).
        case delaying(RequestInProgress, response: HTTPResponse, until: MonotonicInstant)
        /// A final answer is queued; once it is sent the sending direction ends.
        case closing(deadline: MonotonicInstant)
        /// The sending direction ended; what the client still sends is read and dropped.
        case lingering(deadline: MonotonicInstant, drained: Int)
        case closed
    }

    /// A request being read or answered. A class: each `switch` over the phase copies the
    /// payload it binds, and a reference costs one retain where the head's strings and arrays
    /// cost one each; the body also grows in place while the phase holds it.
    private final class RequestInProgress {
        let head: HTTPRequestHead
        var body: [UInt8]
        let started: MonotonicInstant

        init(head: HTTPRequestHead, body: [UInt8], started: MonotonicInstant) {
            self.head = head
            self.body = body
            self.started = started
        }
    }

    /// Output decided but not yet handed to the loop.
    private enum QueuedOutput {
        case continueResponse
        case answer(HTTPResponse, head: HTTPRequestHead?, closes: Bool, started: MonotonicInstant)
    }

    private let settings: Settings
    private var parser: HTTPRequestParser
    private var phase: Phase
    private var queued: QueuedOutput?
    /// Output handed to the loop and not yet reported flushed.
    private var outputDeadline: MonotonicInstant?
    private var peerFinishedSending = false
    private var isStopping = false

    /// A connection accepted at `now`; a TLS one starts in its handshake.
    package init(settings: Settings, now: MonotonicInstant) {
        self.settings = settings
        parser = HTTPRequestParser(limits: settings.limits)
        phase = settings.isSecure ? .handshaking(deadline: now + settings.handshakeTimeout) : .idle(deadline: now + settings.idleTimeout)
    }

    // MARK: Questions the loop asks

    // Inlined: the loop asks them of the machine it holds in a class, and a call would first copy
    // the whole machine (its parser's buffer, the phase's request) to have a value to call on.

    /// Whether the loop should read from the socket now.
    @inline(__always)
    package var wantsToRead: Bool {
        switch phase {
        case .handshaking, .lingering: true
        case .idle, .readingHead, .readingBody: outputDeadline == nil && !peerFinishedSending
        case .responding, .delaying, .closing, .closed: false
        }
    }

    /// Whether the machine waits for the TLS handshake.
    @inline(__always)
    package var isHandshaking: Bool {
        if case .handshaking = phase { return true }
        return false
    }

    /// Whether what arrives is read only to be dropped (after a final answer).
    @inline(__always)
    package var discardsInput: Bool {
        if case .lingering = phase { return true }
        return false
    }

    /// Whether the connection has ended.
    package var isClosed: Bool {
        if case .closed = phase { return true }
        return false
    }

    /// When `timerFired` must be called next; nil when no timer runs (the responder is working).
    @inline(__always)
    package var deadline: MonotonicInstant? {
        let phaseDeadline: MonotonicInstant? = switch phase {
        case .handshaking(let deadline), .readingHead(_, let deadline), .readingBody(_, let deadline),
             .closing(let deadline), .lingering(let deadline, _):
            deadline
        case .idle(let deadline): outputDeadline == nil ? deadline : nil
        case .delaying(_, _, let until): until
        case .responding, .closed: nil
        }
        switch (phaseDeadline, outputDeadline) {
        case (let phaseDeadline?, let outputDeadline?): return min(phaseDeadline, outputDeadline)
        case (let only?, nil), (nil, let only?): return only
        case (nil, nil): return nil
        }
    }

    // MARK: Events

    /// Bytes arrived (plaintext, after TLS). An empty chunk says ciphertext arrived that holds
    /// no plaintext yet: the next request has begun all the same, and its head's deadline runs.
    package mutating func bytesReceived(_ bytes: UnsafeRawBufferPointer, now: MonotonicInstant) {
        switch phase {
        case .idle:
            phase = .readingHead(started: now, deadline: now + settings.headerReadTimeout)
            parser.feed(bytes)
        case .readingHead, .readingBody, .responding, .delaying:
            parser.feed(bytes)
        case .lingering(let deadline, let drained):
            let total = drained + bytes.count
            phase = total >= Self.maximumLingerBytes ? .closed : .lingering(deadline: deadline, drained: total)
        case .handshaking, .closing, .closed:
            break
        }
    }

    /// The TLS handshake finished: the first request may come.
    package mutating func handshakeCompleted(now: MonotonicInstant) {
        guard case .handshaking = phase else { return }
        phase = isStopping ? .closed : .idle(deadline: now + settings.idleTimeout)
    }

    /// The client ended its sending direction (or the connection broke).
    package mutating func peerClosed() {
        peerFinishedSending = true
        switch phase {
        case .responding, .delaying: break  // answered, then closed
        case .closing: break  // the final answer still goes out
        default: phase = .closed
        }
    }

    /// Reading or writing failed: nothing more can be said to this client.
    package mutating func connectionFailed() {
        phase = .closed
        queued = nil
    }

    /// The responder answered the request in flight.
    package mutating func responseProduced(_ response: HTTPResponse, now: MonotonicInstant) {
        guard case .responding(let request) = phase else { return }
        if response.delay > .zero {
            phase = .delaying(request, response: response, until: now + response.delay)
        } else {
            answer(request, with: response, now: now)
        }
    }

    /// Everything queued with `.send` has been handed to the kernel.
    package mutating func outputFlushed(now: MonotonicInstant) {
        guard outputDeadline != nil else { return }
        outputDeadline = nil
        if case .idle = phase {
            phase = isStopping || peerFinishedSending ? .closed : .idle(deadline: now + settings.idleTimeout)
        }
    }

    /// A timer fired; whatever deadline has passed takes effect.
    package mutating func timerFired(now: MonotonicInstant) {
        if let outputDeadline, now >= outputDeadline {
            // The client stopped reading our answer.
            phase = .closed
            return
        }
        switch phase {
        case .handshaking(let deadline), .closing(let deadline), .lingering(let deadline, _):
            if now >= deadline { phase = .closed }
        case .idle(let deadline):
            // While an answer is still leaving, the write deadline applies instead.
            if outputDeadline == nil && now >= deadline { phase = .closed }
        case .readingHead(let started, let deadline):
            if now >= deadline { refuse(timedOut(body: false), head: nil, started: started, now: now) }
        case .readingBody(let request, let deadline):
            if now >= deadline { refuse(timedOut(body: true), head: request.head, started: request.started, now: now) }
        case .delaying(let request, let response, let until):
            if now >= until { answer(request, with: response, now: now) }
        case .responding, .closed:
            break
        }
    }

    /// The server is stopping: an idle connection closes; a request under way is finished and
    /// its answer closes the connection.
    package mutating func serverStopping() {
        isStopping = true
        switch phase {
        case .handshaking: phase = .closed
        case .idle where outputDeadline == nil: phase = .closed
        default: break
        }
    }

    // MARK: Actions

    /// The next thing to do; call until `.wait`. `date` is the `Date` field for answers, if any.
    package mutating func nextAction(now: MonotonicInstant, date: String? = nil) -> Action {
        if let output = queued {
            queued = nil
            outputDeadline = outputDeadline ?? now + settings.writeTimeout
            return send(output, now: now, date: date)
        }
        switch phase {
        case .closed:
            return .close
        case .closing:
            guard outputDeadline == nil else { return .wait }
            phase = .lingering(deadline: now + settings.lingerTimeout, drained: 0)
            return .shutdownWrite
        case .idle, .readingHead, .readingBody:
            guard outputDeadline == nil else { return .wait }
            return parse(now: now, date: date)
        case .handshaking, .responding, .delaying, .lingering:
            return .wait
        }
    }

    /// Runs the parser over what has been received until it needs more or has something to do.
    private mutating func parse(now: MonotonicInstant, date: String?) -> Action {
        while true {
            switch parser.next() {
            case .needMoreData:
                return .wait
            case .head(let head):
                let started: MonotonicInstant
                if case .readingHead(let start, _) = phase { started = start } else { started = now }
                var body: [UInt8] = []
                if case .contentLength(let length) = head.bodyFraming { body.reserveCapacity(length) }
                phase = .readingBody(RequestInProgress(head: head, body: body, started: started), deadline: now + settings.bodyReadTimeout)
                if head.expectsContinue && head.hasBody && parser.bufferedByteCount == 0 {
                    queued = .continueResponse
                    return nextAction(now: now, date: date)
                }
            case .body(let bytes):
                guard case .readingBody(let request, _) = phase else { preconditionFailure("a body follows its head") }
                request.body.append(contentsOf: bytes)
            case .end:
                guard case .readingBody(let request, _) = phase else { preconditionFailure("the parser ends a request only after its head") }
                phase = .responding(request)
                return .dispatch(HTTPRequest(head: request.head, body: request.body, remoteAddress: settings.remoteAddress, isSecure: settings.isSecure))
            case .error(let error):
                var head: HTTPRequestHead?
                var started = now
                switch phase {
                case .readingHead(let start, _): started = start
                case .readingBody(let request, _): (head, started) = (request.head, request.started)
                default: break
                }
                refuse(HTTPResponse(error: error), head: head, started: started, now: now)
                return nextAction(now: now, date: date)
            }
        }
    }

    private mutating func answer(_ request: RequestInProgress, with response: HTTPResponse, now: MonotonicInstant) {
        let closes = !request.head.keepAlive || isStopping || peerFinishedSending
        queued = .answer(response, head: request.head, closes: closes, started: request.started)
        if closes {
            phase = .closing(deadline: now + settings.writeTimeout)
        } else if parser.isIdle {
            phase = .idle(deadline: now + settings.idleTimeout)
        } else {
            phase = .readingHead(started: now, deadline: now + settings.headerReadTimeout)
        }
    }

    /// Answers a request that cannot be served (a parse error, a timeout) and closes.
    private mutating func refuse(_ response: HTTPResponse, head: HTTPRequestHead?, started: MonotonicInstant, now: MonotonicInstant) {
        queued = .answer(response, head: head, closes: true, started: started)
        phase = .closing(deadline: now + settings.writeTimeout)
    }

    private func send(_ output: QueuedOutput, now: MonotonicInstant, date: String?) -> Action {
        switch output {
        case .continueResponse:
            return .send(HTTPResponseEncoder.continueResponse, completed: nil)
        case .answer(let response, let head, let closes, let started):
            let bytes = HTTPResponseEncoder.encode(response, respondingTo: head, closesConnection: closes, date: date)
            guard settings.reportsCompletedRequests else { return .send(bytes, completed: nil) }
            let completed = HTTPServer.CompletedRequest(
                method: head?.method, path: head.map { HTTPRequest(head: $0).path }, status: response.status.code, duration: started.duration(to: now))
            return .send(bytes, completed: completed)
        }
    }

    private func timedOut(body: Bool) -> HTTPResponse {
        HTTPResponse(status: .requestTimeout, text: "the request \(body ? "body" : "head") did not arrive in time\n")
    }
}
