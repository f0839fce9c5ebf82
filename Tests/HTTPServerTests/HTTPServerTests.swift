#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import HTTPProtocol
import HTTPTestClient
@testable import HTTPServer
import Synchronization
import Testing

@Suite struct HTTPServerTests {
    @Test func answersASimpleGET() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write("GET /hello?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.body == "GET /hello ")
            #expect(response.headers["content-length"] == "11")
            #expect(response.headers["date"]?.hasSuffix(" GMT") == true)
            #expect(response.headers["connection"] == nil)
        }
    }

    @Test func servesSeveralRequestsOnOneKeptAliveConnection() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            for index in 1...3 {
                client.write("GET /\(index) HTTP/1.1\r\nHost: h\r\n\r\n")
                #expect(client.readResponse()?.body == "GET /\(index) ")
            }
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write((1...3).map { "POST /\($0) HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\n\($0)" }.joined())
            let bodies = (1...3).map { _ in client.readResponse()?.body }
            #expect(bodies == ["POST /1 1", "POST /2 2", "POST /3 3"])
        }
    }

    @Test func decodesAChunkedRequestBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write("PUT /doc HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n")
            client.write("3;ext=1\r\nefg\r\n0\r\nTrailer: x\r\n\r\n")
            #expect(client.readResponse()?.body == "PUT /doc abcdefg")
        }
    }

    @Test func sendsContinueBeforeReadingAnExpectedBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write("POST /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            #expect(client.readResponse()?.status == 100)
            client.write("hello")
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.body == "POST /c hello")
        }
    }

    @Test func refusesAnExpectedBodyThatIsTooLargeInsteadOfContinuing() throws {
        var configuration = testConfiguration()
        configuration.limits.maxBodyBytes = 10
        try withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            client.write("POST /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == 413)
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer(within: 2000))
        }
    }

    @Test func answers413AndClosesWhenTheBodyIsTooLarge() throws {
        var configuration = testConfiguration()
        configuration.limits.maxBodyBytes = 1024
        try withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            client.write("POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n")
            client.write([UInt8](repeating: 0x61, count: 100_000))
            let response = try #require(client.readResponse())
            #expect(response.status == 413)
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer(within: 2000))
        }
    }

    @Test func answersMalformedRequestsWith400AndCloses() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == 400)
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer(within: 2000))
        }
    }

    @Test func cutsOffAClientThatDripsItsHeadWith408() throws {
        var configuration = testConfiguration()
        configuration.headerReadTimeout = .milliseconds(500)
        try withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            let start = ContinuousClock.now
            client.write("GET / HTTP/1.1\r\n")
            for byte in Array("X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8) {
                if client.hasDataToRead(within: 50) { break }
                client.write([byte])
            }
            let response = try #require(client.readResponse())
            #expect(response.status == 408)
            #expect(response.headers["connection"] == "close")
            #expect(start.duration(to: .now) < .seconds(2))
            #expect(client.isClosedByServer(within: 2000))
        }
    }

    @Test func closesAnIdleKeptAliveConnectionAfterItsTimeout() throws {
        var configuration = testConfiguration()
        configuration.idleTimeout = .milliseconds(300)
        try withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            client.write("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            let idleSince = ContinuousClock.now
            #expect(client.isClosedByServer(within: 3000))
            #expect(idleSince.duration(to: .now) >= .milliseconds(250))
        }
    }

    @Test func closesAfterTheResponseWhenTheClientAsks() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write("GET / HTTP/1.0\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer(within: 2000))
        }
    }

    @Test func omitsTheBodyOfAResponseToHEAD() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            client.write("HEAD /h HTTP/1.1\r\nHost: h\r\n\r\nGET /g HTTP/1.1\r\nHost: h\r\n\r\n")
            let head = try #require(client.readResponse(toHEAD: true))
            #expect(head.headers["content-length"] == "8")
            #expect(head.body == "")
            #expect(client.readResponse()?.body == "GET /g ")
        }
    }

    @Test func answersConnectionsPastTheCapWith503AndKeepsServingTheOthers() throws {
        var configuration = testConfiguration()
        configuration.maxConnections = 2
        try withServer(configuration) { _, port in
            let first = try TestClient(port: port)
            let second = try TestClient(port: port)
            first.write("GET /first HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(first.readResponse()?.status == 200)
            second.write("GET /second HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(second.readResponse()?.status == 200)
            let third = try TestClient(port: port)
            let refused = try #require(third.readResponse())
            #expect(refused.status == 503)
            #expect(refused.headers["retry-after"] == "1")
            #expect(refused.headers["connection"] == "close")
            #expect(third.isClosedByServer(within: 2000))
            first.write("GET /again HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(first.readResponse()?.body == "GET /again ")
            first.disconnect()
            var fourth: TestClient?
            // The slot frees once the server has seen the close; a refused attempt says so with a 503.
            for _ in 0..<50 where fourth == nil {
                let candidate = try TestClient(port: port)
                candidate.write("GET /fourth HTTP/1.1\r\nHost: h\r\n\r\n")
                if candidate.readResponse()?.status == 200 { fourth = candidate } else { usleep(20_000) }
            }
            #expect(fourth != nil)
        }
    }

    @Test func heldAnswersTieUpNoWorkerSoAGoodRequestOvertakesAFloodOfThem() throws {
        let answeredBad = Mutex(0)
        let responder = HTTPClosureResponder { request in
            guard request.path == "/good" else {
                answeredBad.withLock { $0 += 1 }
                var held = HTTPResponse(status: .unauthorized, text: "held")
                held.delay = .seconds(2)
                return held
            }
            return HTTPResponse(status: .ok, text: "good")
        }
        var configuration = testConfiguration()
        configuration.workerThreads = 2
        try withServer(configuration, responder: responder) { _, port in
            let flood = try (0..<8).map { _ in try TestClient(port: port) }
            for client in flood { client.write("GET /bad HTTP/1.1\r\nHost: h\r\n\r\n") }
            for _ in 0..<100 where answeredBad.withLock({ $0 }) < flood.count { usleep(10_000) }
            #expect(answeredBad.withLock { $0 } == flood.count, "two workers answered all eight: none of them waits out a delay")
            let good = try TestClient(port: port)
            good.write("GET /good HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(good.readResponse()?.body == "good")
            #expect(flood.filter { $0.hasDataToRead(within: 0) }.isEmpty, "the held answers are still held")
            #expect(flood.map { $0.readResponse()?.status } == Array(repeating: 401, count: flood.count))
        }
    }

    @Test func twoThousandKeptAliveConnectionsAreAllStillServed() throws {
        let limit = HTTPServer.raiseDescriptorLimit()
        try #require(limit >= 4_200, "the test holds both ends of 2,000 connections; the open-file limit is \(limit)")
        var configuration = testConfiguration()
        configuration.idleTimeout = .seconds(60)
        try withServer(configuration) { _, port in
            let clients = try (0..<2_000).map { _ in try TestClient(port: port) }
            var served = 0
            for (index, client) in clients.enumerated() {
                client.write("GET /first/\(index) HTTP/1.1\r\nHost: h\r\n\r\n")
                if client.readResponse()?.body == "GET /first/\(index) " { served += 1 }
            }
            #expect(served == clients.count)
            // All of them idle now; each is answered again on its own connection.
            served = 0
            for (index, client) in clients.enumerated().reversed() {
                client.write("GET /again/\(index) HTTP/1.1\r\nHost: h\r\n\r\n")
                if client.readResponse()?.body == "GET /again/\(index) " { served += 1 }
            }
            #expect(served == clients.count)
        }
    }

    @Test func gracefulShutdownLetsAnInFlightRequestFinish() throws {
        let handlerStarted = DispatchSemaphore(value: 0)
        let slowResponder = HTTPClosureResponder { _ in
            handlerStarted.signal()
            usleep(300_000)
            return HTTPResponse(status: .ok, text: "finished")
        }
        var configuration = testConfiguration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: slowResponder)
        let port = try server.start()
        let idle = try TestClient(port: port)
        let busy = try TestClient(port: port)
        busy.write("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n")
        handlerStarted.wait()
        server.shutdown(gracePeriod: .seconds(5))
        let response = try #require(busy.readResponse())
        #expect(response.body == "finished")
        #expect(response.headers["connection"] == "close")
        #expect(idle.isClosedByServer(within: 1000))
        #expect(throws: ConnectError.self) { try TestClient(port: port) }
        server.waitUntilStopped()
        server.shutdown(gracePeriod: .seconds(1))  // a second stop is harmless
    }

    @Test func reportsEachCompletedRequestToTheHook() throws {
        let completed = Mutex<[HTTPServer.CompletedRequest]>([])
        var configuration = testConfiguration()
        configuration.onRequestCompleted = { request in completed.withLock { $0.append(request) } }
        try withServer(configuration) { _, port in
            let client = try TestClient(port: port)
            client.write("GET /a%20b?secret=1 HTTP/1.1\r\nHost: h\r\n\r\nBROKEN\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            #expect(client.readResponse()?.status == 400)
        }
        let requests = completed.withLock { $0 }
        #expect(requests.map(\.status) == [200, 400])
        #expect(requests.map(\.path) == ["/a b", nil])
        #expect(requests.first?.method == .get)
    }
}
