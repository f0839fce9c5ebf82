#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Dispatch
import HTTPProtocol
import HTTPTestClient
@testable import HTTPServer
import Synchronization
import Testing

/// A responder whose answers under `/memory/` come from memory on the event loop, unless the
/// request has a body; every other request goes to a worker, which counts it and takes a while,
/// so an answer overtaking it would show.
private final class CountingResponder: HTTPResponder {
    let answeredOnLoop = Atomic<Int>(0)
    let answeredByWorker = Atomic<Int>(0)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        answeredByWorker.add(1, ordering: .relaxed)
        usleep(30_000)
        return HTTPResponse(status: .ok, text: "worker \(request.path)")
    }

    func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        guard request.path.hasPrefix("/memory/"), request.body.isEmpty else { return nil }
        answeredOnLoop.add(1, ordering: .relaxed)
        var response = HTTPResponse(status: .ok, text: "loop \(request.path)")
        if request.path == "/memory/held" { response.delay = .milliseconds(300) }
        return response
    }
}

@Suite struct AnswersOnTheLoopTests {
    @Test func answersFromMemoryReachNoWorker() throws {
        let responder = CountingResponder()
        try withServer(responder: responder) { _, port in
            let client = try TestClient(port: port)
            for index in 1...20 {
                client.write("GET /memory/\(index) HTTP/1.1\r\nHost: h\r\n\r\n")
                let response = try #require(client.readResponse())
                #expect(response.status == 200)
                #expect(response.body == "loop /memory/\(index)")
                #expect(response.headers["content-length"] == "\("loop /memory/\(index)".utf8.count)")
            }
            #expect(responder.answeredOnLoop.load(ordering: .relaxed) == 20)
            #expect(responder.answeredByWorker.load(ordering: .relaxed) == 0)
        }
    }

    @Test func pipelinedRequestsMixingLoopAndWorkerAnswersComeBackInOrder() throws {
        let responder = CountingResponder()
        try withServer(responder: responder) { _, port in
            let client = try TestClient(port: port)
            let requests = [
                "GET /memory/1 HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /database/2 HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /memory/3 HTTP/1.1\r\nHost: h\r\n\r\n",
                "POST /memory/4 HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nx",
                "GET /memory/5 HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /database/6 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
            ]
            client.write(requests.joined())
            let bodies = requests.map { _ in client.readResponse()?.body }
            #expect(bodies == ["loop /memory/1", "worker /database/2", "loop /memory/3", "worker /memory/4", "loop /memory/5", "worker /database/6"])
            #expect(client.isClosedByServer(within: 2000))
            #expect(responder.answeredOnLoop.load(ordering: .relaxed) == 3)
            #expect(responder.answeredByWorker.load(ordering: .relaxed) == 3)
        }
    }

    @Test func aHeldAnswerFromTheLoopWaitsForItsTimerWhileOthersAreServed() throws {
        let responder = CountingResponder()
        try withServer(responder: responder) { _, port in
            let held = try TestClient(port: port)
            let started = DispatchTime.now().uptimeNanoseconds
            held.write("GET /memory/held HTTP/1.1\r\nHost: h\r\n\r\n")
            let other = try TestClient(port: port)
            other.write("GET /memory/other HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(other.readResponse()?.body == "loop /memory/other")
            let otherAnswered = DispatchTime.now().uptimeNanoseconds - started
            #expect(held.readResponse()?.body == "loop /memory/held")
            let heldAnswered = DispatchTime.now().uptimeNanoseconds - started
            #expect(otherAnswered < 250_000_000)
            #expect(heldAnswered >= 300_000_000)
            #expect(responder.answeredByWorker.load(ordering: .relaxed) == 0)
        }
    }
}
