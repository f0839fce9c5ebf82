import Foundation
import HTTPProtocol
import HTTPTestClient
import TLS
import TLSTestSupport
import Testing
@testable import HTTPServer

/// A TLS client over a real socket: `TLSTestClient`'s records carried by a `TestClient`'s socket.
private final class TLSSocketClient {
    let socket: TestClient
    let tls: TLSTestClient

    init(port: Int, trusting authorityPath: String) throws {
        socket = try TestClient(port: port)
        tls = try TLSTestClient(trusting: authorityPath)
        for _ in 0..<100 {
            let done = try tls.advanceHandshake()
            socket.write(tls.takeOutput())
            if done {
                // TLS 1.3 session tickets follow the handshake: read them, so the socket is quiet.
                _ = try read(within: 300) { _ in false }
                return
            }
            guard receiveRecords(within: 2000) else { break }
        }
        throw TLSTestClient.Failure(description: "no TLS handshake with the server")
    }

    /// Encrypts `text` and returns the ciphertext, for the caller to send as it likes.
    func encrypt(_ text: String) throws -> [UInt8] {
        try tls.write(text)
        return tls.takeOutput()
    }

    /// Decrypted text until `isEnough` holds, the server closes or the wait ends.
    func read(within milliseconds: Int32, until isEnough: (String) -> Bool) throws -> String {
        var text = ""
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        while !isEnough(text) {
            let remaining = Int32(ContinuousClock.now.duration(to: deadline) / .milliseconds(1))
            guard remaining > 0, receiveRecords(within: remaining) else { break }
            let plaintext = try tls.readAvailable()
            text += String(decoding: plaintext.bytes, as: UTF8.self)
            if plaintext.closed { break }
        }
        return text
    }

    /// Hands the TLS client what the socket received; false when nothing came or it closed.
    private func receiveRecords(within milliseconds: Int32) -> Bool {
        guard socket.hasDataToRead(within: milliseconds) else { return false }
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        let count = recv(socket.descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return false }
        tls.receive(Array(buffer.prefix(count)))
        return true
    }
}

/// The server over TLS, reached with curl verifying a test CA, and with raw sockets that misbehave.
@Suite struct HTTPServerTLSTests {
    private static let fixture = Result { () throws -> (TestCertificates, TLSServerCredentials) in
        let certificates = try TestCertificates()
        let pair = try certificates.issueServerCertificate("server", serial: 0x4001)
        return (certificates, try TLSServerCredentials(certificatePath: pair.certificate, keyPath: pair.key))
    }

    /// Answers with whether the request came over TLS.
    private let schemeResponder = HTTPClosureResponder { request in
        HTTPResponse(status: .ok, text: request.isSecure ? "secure \(request.path)" : "plain \(request.path)")
    }

    private func tlsConfiguration(handshakeTimeout: Duration = .seconds(2)) throws -> HTTPServer.Configuration {
        var configuration = testConfiguration()
        configuration.tls = try Self.fixture.get().1
        configuration.tlsHandshakeTimeout = handshakeTimeout
        return configuration
    }

    /// Runs curl trusting only the test CA; returns its exit status, output and verbose log.
    private func curl(_ arguments: [String]) throws -> (status: Int32, output: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "--silent", "--show-error", "--verbose", "--max-time", "10",
                             "--cacert", try Self.fixture.get().0.authorityPath] + arguments
        let output = Pipe(), log = Pipe()
        process.standardOutput = output
        process.standardError = log
        try process.run()
        let outputData = output.readAll()
        let logData = log.readAll()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: logData, as: UTF8.self))
    }

    /// Reads until the server closes; false when it is still open after the wait (alerts are read past).
    private func isClosed(_ client: TestClient, within milliseconds: Int32) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero, client.hasDataToRead(within: Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)) else { return false }
            if recv(client.descriptor, &buffer, buffer.count, 0) <= 0 { return true }
        }
    }

    @Test func requestsOverTLSAreMarkedSecureAndServedOnOneKeptAliveConnection() throws {
        try withServer(try tlsConfiguration(), responder: schemeResponder) { _, port in
            let result = try curl(["https://localhost:\(port)/first", "https://localhost:\(port)/second"])
            #expect(result.status == 0, "\(result.log)")
            #expect(result.output == "secure /firstsecure /second")
            #expect(result.log.contains("ALPN: server accepted http/1.1"))
            #expect(result.log.contains("Re-using existing connection") || result.log.contains("Reusing existing"))
        }
        try withServer(responder: schemeResponder) { _, port in
            let client = try TestClient(port: port)
            client.write("GET /over-tcp HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(client.readResponse()?.body == "plain /over-tcp")
        }
    }

    /// An answer larger than the socket takes at once, to a client reading slowly: what the socket
    /// refuses is kept and sent as it drains, and every byte arrives in order.
    @Test func aLargeAnswerToASlowReaderArrivesWhole() throws {
        let body = (0..<(16 << 20)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let responder = HTTPClosureResponder { _ in HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain")]), body: body) }
        try withServer(try tlsConfiguration(), responder: responder) { _, port in
            let result = try curl(["--limit-rate", "40M", "https://localhost:\(port)/large", "https://localhost:\(port)/again"])
            #expect(result.status == 0, "\(result.log)")
            #expect(result.output.utf8.count == 2 * body.count)
            // Compared outside #expect, which would print both 32 MB arrays on a difference.
            let arrivedInOrder = result.output.utf8.elementsEqual(body + body)
            #expect(arrivedInOrder, "the bytes received differ from the bytes sent")
        }
    }

    @Test func plainHTTPAndGarbageOnTheTLSPortAreCut() throws {
        try withServer(try tlsConfiguration(), responder: schemeResponder) { _, port in
            let plain = try TestClient(port: port)
            plain.write("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(isClosed(plain, within: 1000))
            let garbage = try TestClient(port: port)
            garbage.write((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 131) })
            #expect(isClosed(garbage, within: 1000))
            #expect(try curl(["https://localhost:\(port)/after"]).output == "secure /after")
        }
    }

    @Test func aStalledHandshakeIsCutAtTheTimeoutWhileOthersAreServed() throws {
        try withServer(try tlsConfiguration(handshakeTimeout: .milliseconds(600)), responder: schemeResponder) { _, port in
            let started = ContinuousClock.now
            let stalled = try TestClient(port: port)
            stalled.write([0x16, 0x03, 0x01, 0x02, 0x00, 0x01])
            let silent = try TestClient(port: port)
            #expect(try curl(["https://localhost:\(port)/meanwhile"]).output == "secure /meanwhile")
            #expect(isClosed(stalled, within: 3000))
            #expect(isClosed(silent, within: 3000))
            #expect(started.duration(to: .now) >= .milliseconds(500))
        }
    }

    @Test func stoppingTheServerCutsAConnectionStillInItsHandshake() throws {
        var configuration = try tlsConfiguration(handshakeTimeout: .seconds(30))
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: schemeResponder)
        let port = try server.start()
        let silent = try TestClient(port: port)
        silent.write([0x16, 0x03, 0x01])
        #expect(!isClosed(silent, within: 200))
        let started = ContinuousClock.now
        server.shutdown(gracePeriod: .seconds(20))
        #expect(started.duration(to: .now) < .seconds(2))
        #expect(isClosed(silent, within: 1000))
    }

    @Test func pipelinedRequestsInOneRecordAreAnsweredInOrder() throws {
        try withServer(try tlsConfiguration(), responder: schemeResponder) { _, port in
            let client = try TLSSocketClient(port: port, trusting: try Self.fixture.get().0.authorityPath)
            client.socket.write(try client.encrypt((1...3).map { "GET /\($0) HTTP/1.1\r\nHost: h\r\n\r\n" }.joined()))
            let text = try client.read(within: 3000) { $0.hasSuffix("secure /3") }
            let bodies = text.components(separatedBy: "\r\n\r\n").dropFirst().map { $0.prefix { $0 != "H" } }
            #expect(bodies == ["secure /1", "secure /2", "secure /3"])
        }
    }

    @Test func aRequestDrippedOneCiphertextByteAtATimeGets408AtTheHeadDeadline() throws {
        var configuration = try tlsConfiguration()
        configuration.headerReadTimeout = .milliseconds(500)
        try withServer(configuration, responder: schemeResponder) { _, port in
            let client = try TLSSocketClient(port: port, trusting: try Self.fixture.get().0.authorityPath)
            let record = try client.encrypt("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n")
            let started = ContinuousClock.now
            var text = ""
            for byte in record.dropLast() {
                // Late session tickets decrypt to nothing; only an answer ends the drip.
                text += try client.read(within: 50) { !$0.isEmpty }
                if !text.isEmpty { break }
                client.socket.write([byte])
            }
            text += try client.read(within: 2000) { $0.contains("\r\n\r\n") }
            #expect(text.hasPrefix("HTTP/1.1 408 "))
            #expect(started.duration(to: .now) < .seconds(3))
            #expect(isClosed(client.socket, within: 2000))
        }
    }
}
