import HTTPProtocol
@testable import HTTPServer
import Testing

/// The connection's state machine without sockets: bytes, answers, flushes and timer ticks in,
/// actions out.
@Suite struct HTTPConnectionStateMachineTests {
    private static let start = MonotonicInstant.now
    private static let settings = HTTPConnectionStateMachine.Settings(
        headerReadTimeout: .seconds(10), bodyReadTimeout: .seconds(30), idleTimeout: .seconds(5), writeTimeout: .seconds(30),
        lingerTimeout: .seconds(2), handshakeTimeout: .seconds(10), remoteAddress: "192.0.2.7")

    /// A machine with a loop around it that records what it was told to do.
    private struct Harness {
        var machine: HTTPConnectionStateMachine
        var sent: [String] = []
        var dispatched: [HTTPRequest] = []
        var shutdownWrites = 0
        var closed = false

        init(settings: HTTPConnectionStateMachine.Settings = HTTPConnectionStateMachineTests.settings) {
            machine = HTTPConnectionStateMachine(settings: settings, now: HTTPConnectionStateMachineTests.start)
        }

        /// The instant `seconds` after the start, to the millisecond (so sums compare exactly).
        static func at(_ seconds: Double) -> MonotonicInstant {
            HTTPConnectionStateMachineTests.start + .milliseconds(Int((seconds * 1000).rounded()))
        }

        /// Feeds bytes, then runs the actions; output counts as flushed at once unless `flushes` is false.
        mutating func receive(_ text: String, at seconds: Double = 0, flushes: Bool = true) {
            Array(text.utf8).withUnsafeBytes { machine.bytesReceived($0, now: Self.at(seconds)) }
            run(at: seconds, flushes: flushes)
        }

        mutating func answer(_ response: HTTPResponse, at seconds: Double = 0, flushes: Bool = true) {
            machine.responseProduced(response, now: Self.at(seconds))
            run(at: seconds, flushes: flushes)
        }

        mutating func tick(at seconds: Double, flushes: Bool = true) {
            machine.timerFired(now: Self.at(seconds))
            run(at: seconds, flushes: flushes)
        }

        mutating func flush(at seconds: Double) {
            machine.outputFlushed(now: Self.at(seconds))
            run(at: seconds, flushes: true)
        }

        mutating func run(at seconds: Double, flushes: Bool) {
            for _ in 0..<100 {
                switch machine.nextAction(now: Self.at(seconds), date: nil) {
                case .send(let bytes, _):
                    sent.append(String(decoding: bytes, as: UTF8.self))
                    if flushes { machine.outputFlushed(now: Self.at(seconds)) }
                case .dispatch(let request): dispatched.append(request)
                case .shutdownWrite: shutdownWrites += 1
                case .close:
                    closed = true
                    return
                case .wait: return
                }
            }
            Issue.record("the machine never settled")
        }
    }

    private static let getRequest = "GET /products/a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
    private static let postRequest = "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world"

    @Test(arguments: [1, 2, 3, 7, 1000])
    func aRequestSplitAnywhereIsDispatchedOnce(chunkSize: Int) {
        var harness = Harness()
        let bytes = Array(Self.postRequest.utf8)
        for offset in stride(from: 0, to: bytes.count, by: chunkSize) {
            harness.receive(String(decoding: bytes[offset..<min(offset + chunkSize, bytes.count)], as: UTF8.self), at: 0.001 * Double(offset))
        }
        #expect(harness.dispatched.count == 1)
        let request = harness.dispatched.first
        #expect(request?.method == .post)
        #expect(request?.path == "/c")
        #expect(request?.body == Array("hello world".utf8))
        #expect(request?.remoteAddress == "192.0.2.7")
        #expect(harness.sent.isEmpty)
        #expect(!harness.machine.wantsToRead)
        #expect(harness.machine.deadline == nil)
    }

    @Test func pipelinedRequestsAreDispatchedOneAtATimeAfterTheAnswerBeforeLeft() {
        var harness = Harness()
        harness.receive((1...3).map { "GET /\($0) HTTP/1.1\r\nHost: h\r\n\r\n" }.joined())
        #expect(harness.dispatched.map(\.path) == ["/1"])
        harness.answer(HTTPResponse(status: .ok, text: "one"), flushes: false)
        #expect(harness.sent.count == 1)
        #expect(harness.dispatched.count == 1, "the next request waits until the answer has been sent")
        harness.flush(at: 0.1)
        #expect(harness.dispatched.map(\.path) == ["/1", "/2"])
        harness.answer(HTTPResponse(status: .ok, text: "two"), at: 0.2)
        harness.answer(HTTPResponse(status: .ok, text: "three"), at: 0.3)
        #expect(harness.dispatched.map(\.path) == ["/1", "/2", "/3"])
        #expect(harness.sent.map { $0.split(separator: "\r\n\r\n").last.map(String.init) } == ["one", "two", "three"])
        #expect(harness.sent.allSatisfy { !$0.contains("Connection: close") })
        #expect(!harness.closed)
        #expect(harness.machine.deadline == Harness.at(5.3), "idle again, for the idle timeout")
    }

    @Test func anIdleConnectionClosesSilentlyAtTheIdleTimeoutAndNotBefore() {
        var harness = Harness()
        harness.receive(Self.getRequest)
        harness.answer(HTTPResponse(status: .ok), at: 1)
        #expect(harness.machine.deadline == Harness.at(6))
        harness.tick(at: 5.9)
        #expect(!harness.closed)
        harness.tick(at: 6)
        #expect(harness.closed)
        #expect(harness.sent.count == 1)
    }

    @Test func aHeadDrippedPastItsDeadlineGets408ThenTheConnectionLingersAndCloses() {
        var harness = Harness()
        harness.receive("GET / HTTP/1.1\r\n", at: 1)
        for index in 0..<20 { harness.receive("X", at: 1 + 0.5 * Double(index)) }
        #expect(harness.machine.deadline == Harness.at(11), "the head's deadline counts from its first byte")
        harness.tick(at: 11)
        #expect(harness.sent.count == 1)
        #expect(harness.sent.first?.hasPrefix("HTTP/1.1 408 ") == true)
        #expect(harness.sent.first?.contains("Connection: close\r\n") == true)
        #expect(harness.sent.first?.hasSuffix("the request head did not arrive in time\n") == true)
        #expect(harness.shutdownWrites == 1)
        #expect(harness.machine.discardsInput)
        harness.receive("more junk", at: 11.5)
        #expect(!harness.closed)
        harness.tick(at: 13)
        #expect(harness.closed)
        #expect(harness.dispatched.isEmpty)
    }

    @Test func aBodyThatStallsGets408ForTheBody() {
        var harness = Harness()
        harness.receive("POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc", at: 2)
        #expect(harness.machine.deadline == Harness.at(32))
        harness.tick(at: 32)
        #expect(harness.sent.first?.hasSuffix("the request body did not arrive in time\n") == true)
        #expect(harness.sent.first?.hasPrefix("HTTP/1.1 408 ") == true)
    }

    @Test func malformedInputGets400AndWhatFollowsIsDrainedUpToALimit() {
        var harness = Harness()
        harness.receive("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(harness.sent.first?.hasPrefix("HTTP/1.1 400 ") == true)
        #expect(harness.shutdownWrites == 1)
        let chunk = String(repeating: "z", count: 64 << 10)
        var chunks = 0
        while !harness.closed && chunks < 100 {
            harness.receive(chunk, at: 0.5)
            chunks += 1
        }
        #expect(harness.closed)
        #expect(chunks == HTTPConnectionStateMachine.maximumLingerBytes / (64 << 10))
    }

    @Test func continueIsSentBeforeAnExpectedBodyButNotWhenTheBodyCameAlong() {
        var harness = Harness()
        harness.receive("POST /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        #expect(harness.sent == ["HTTP/1.1 100 Continue\r\n\r\n"])
        harness.receive("hello")
        #expect(harness.dispatched.first?.body == Array("hello".utf8))

        var eager = Harness()
        eager.receive("POST /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello")
        #expect(eager.sent.isEmpty)
        #expect(eager.dispatched.count == 1)
    }

    @Test func aDelayedAnswerWaitsForItsTimerWithoutHoldingAnything() {
        var harness = Harness()
        harness.receive(Self.getRequest)
        harness.answer(HTTPResponse(status: .unauthorized, delay: .milliseconds(800)), at: 1)
        #expect(harness.sent.isEmpty)
        #expect(harness.machine.deadline == Harness.at(1.8))
        harness.tick(at: 1.5)
        #expect(harness.sent.isEmpty)
        harness.tick(at: 1.8)
        #expect(harness.sent.count == 1)
        #expect(harness.sent.first?.hasPrefix("HTTP/1.1 401 ") == true)
        #expect(!harness.closed)
    }

    @Test func stoppingClosesAnIdleConnectionAndFinishesOneInFlightWithClose() {
        var idle = Harness()
        idle.machine.serverStopping()
        idle.run(at: 0, flushes: true)
        #expect(idle.closed)

        var busy = Harness()
        busy.receive(Self.getRequest)
        busy.machine.serverStopping()
        busy.run(at: 0, flushes: true)
        #expect(!busy.closed)
        busy.answer(HTTPResponse(status: .ok, text: "done"), at: 0.2)
        #expect(busy.sent.first?.contains("Connection: close\r\n") == true)
        #expect(busy.shutdownWrites == 1)
    }

    @Test func aClientThatStopsReadingIsCutAtTheWriteTimeout() {
        var harness = Harness()
        harness.receive(Self.getRequest)
        harness.answer(HTTPResponse(status: .ok, body: [UInt8](repeating: 0x61, count: 64 << 10)), at: 1, flushes: false)
        #expect(!harness.machine.wantsToRead)
        #expect(harness.machine.deadline == Harness.at(31), "the write deadline, not the idle one")
        harness.tick(at: 6)
        #expect(!harness.closed)
        harness.tick(at: 31)
        #expect(harness.closed)
    }

    @Test func aClientThatHalfClosesAfterItsRequestGetsTheAnswerThenTheConnectionCloses() {
        var harness = Harness()
        harness.receive(Self.getRequest)
        harness.machine.peerClosed()
        harness.run(at: 0, flushes: true)
        #expect(!harness.closed)
        harness.answer(HTTPResponse(status: .ok, text: "bye"))
        #expect(harness.sent.first?.contains("Connection: close\r\n") == true)
        #expect(harness.shutdownWrites == 1)
    }

    @Test func http10ClosesAfterTheAnswer() {
        var harness = Harness()
        harness.receive("GET / HTTP/1.0\r\n\r\n")
        harness.answer(HTTPResponse(status: .ok))
        #expect(harness.sent.first?.contains("Connection: close\r\n") == true)
        #expect(harness.shutdownWrites == 1)
        harness.machine.peerClosed()
        harness.run(at: 0, flushes: true)
        #expect(harness.closed)
    }

    @Test func aTLSHandshakeMustFinishInTimeAndThenTheIdleTimeoutRuns() {
        var secure = Self.settings
        secure.isSecure = true
        var stalled = Harness(settings: secure)
        #expect(stalled.machine.isHandshaking)
        #expect(stalled.machine.deadline == Harness.at(10))
        stalled.tick(at: 10)
        #expect(stalled.closed)

        var finished = Harness(settings: secure)
        finished.machine.handshakeCompleted(now: Harness.at(1))
        #expect(!finished.machine.isHandshaking)
        #expect(finished.machine.deadline == Harness.at(6))
        finished.receive(Self.getRequest, at: 2)
        #expect(finished.dispatched.first?.isSecure == true)
    }

    @Test func ciphertextWithoutPlaintextYetStartsTheHeadDeadline() {
        var harness = Harness()
        harness.receive("", at: 3)
        #expect(harness.machine.deadline == Harness.at(13))
    }
}
