import HTTPProtocol
import HTTPServer

/// Drives the event loop's per-connection state machine with a script read from fuzz input:
/// byte chunks, timer ticks, answers (some held back), flushes, the peer closing and the server
/// stopping, in any order. It may refuse or close; it must never trap, dispatch a second request
/// before the first is answered, or fail to settle.
enum ConnectionFuzzing {
    static func run(_ bytes: [UInt8]) {
        var input = bytes[...]
        let settings = HTTPConnectionStateMachine.Settings(
            limits: HTTPLimits(maxRequestLineLength: 256, maxHeaderBytes: 1024, maxHeaderCount: 16, maxBodyBytes: 4096),
            headerReadTimeout: .milliseconds(500), bodyReadTimeout: .milliseconds(500), idleTimeout: .milliseconds(300),
            writeTimeout: .milliseconds(400), lingerTimeout: .milliseconds(200), handshakeTimeout: .milliseconds(300),
            isSecure: (input.popFirst() ?? 0) & 1 == 1, remoteAddress: "192.0.2.1", reportsCompletedRequests: true)
        var now = MonotonicInstant.now
        var machine = HTTPConnectionStateMachine(settings: settings, now: now)
        var inFlight = 0
        var outputPending = false
        while let operation = input.popFirst(), !machine.isClosed {
            let argument = Int(input.popFirst() ?? 0)
            switch operation % 8 {
            case 0, 1:
                let chunk = input.prefix(argument)
                input = input.dropFirst(chunk.count)
                Array(chunk).withUnsafeBytes { machine.bytesReceived($0, now: now) }
            case 2:
                now += .milliseconds(argument * 4)
                machine.timerFired(now: now)
            case 3 where inFlight == 1:
                inFlight = 0
                machine.responseProduced(HTTPResponse(status: .ok, body: Array(repeating: 0x61, count: argument), delay: .milliseconds(argument % 3 * 50)), now: now)
            case 4:
                outputPending = false
                machine.outputFlushed(now: now)
            case 5:
                machine.handshakeCompleted(now: now)
            case 6:
                if argument & 1 == 0 { machine.peerClosed() } else { machine.serverStopping() }
            default:
                if argument == 0 { machine.connectionFailed() }
            }
            for step in 0... {
                precondition(step < 1_000, "the connection state machine does not settle")
                let action = machine.nextAction(now: now, date: "Sun, 06 Dec 2026 12:00:00 GMT")
                if case .wait = action { break }
                if case .close = action {
                    precondition(machine.isClosed, "close is only asked for at the end")
                    break
                }
                if case .dispatch = action {
                    precondition(inFlight == 0 && !outputPending, "a request was dispatched before the previous answer left")
                    inFlight = 1
                }
                if case .send = action { outputPending = true }
            }
            precondition(machine.deadline != nil || inFlight == 1 || machine.isClosed,
                         "a connection waits without a timer while no worker owes it an answer")
        }
    }
}
