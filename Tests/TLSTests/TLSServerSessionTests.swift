import CSSL
import Foundation
import Testing
@testable import TLS
import TLSTestSupport

/// Moves bytes between a test client and a server session until both finished the handshake;
/// throws the side's error when one gives up.
private func handshake(_ client: TLSTestClient, _ server: TLSServerSession, chunkSize: Int = .max) throws {
    var clientDone = false, serverDone = false
    for _ in 0..<1000 where !(clientDone && serverDone) {
        clientDone = try client.advanceHandshake()
        let toServer = client.takeOutput()
        for start in stride(from: 0, to: toServer.count, by: max(1, min(chunkSize, toServer.count))) {
            try toServer[start..<min(toServer.count, start + chunkSize)].withUnsafeBytes { try server.receive($0) }
            serverDone = try server.advanceHandshake()
        }
        serverDone = try server.advanceHandshake()
        client.receive(server.takeOutput())
    }
    guard clientDone && serverDone else { throw TLSTestClient.Failure(description: "the handshake did not finish") }
}

/// Everything the server session decrypts from what it received.
private func readAll(_ server: TLSServerSession) throws -> (bytes: [UInt8], closed: Bool) {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let result = try buffer.withUnsafeMutableBytes { try server.readPlaintext(into: $0) }
        switch result {
        case .plaintext(let count): bytes += buffer.prefix(count)
        case .needMoreData: return (bytes, false)
        case .closed: return (bytes, true)
        }
    }
}

@Suite struct TLSServerSessionTests {
    let certificates: TestCertificates
    let context: TLSServerContext

    /// One CA and server certificate for every test here: none of them changes the files.
    private static let fixture = Result { () throws -> (TestCertificates, TLSServerContext) in
        let certificates = try TestCertificates()
        let pair = try certificates.issueServerCertificate("server", serial: 0x1001)
        return (certificates, try TLSServerContext(certificatePath: pair.certificate, keyPath: pair.key))
    }

    init() throws {
        (certificates, context) = try Self.fixture.get()
    }

    @Test func handshakeWithTLS13VerifiedAgainstTheCAAndALPNHTTP11() throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath, alpn: ["h2", "http/1.1"])
        let server = try TLSServerSession(context: context)
        #expect(!server.isHandshakeComplete)
        try handshake(client, server)
        #expect(server.isHandshakeComplete)
        #expect(client.verificationResult == X509_V_OK)
        #expect(client.protocolVersion == "TLSv1.3")
        #expect(server.protocolVersion == "TLSv1.3")
        #expect(server.negotiatedProtocol == "http/1.1")
        #expect(client.peerSerial == "1001")
    }

    @Test(arguments: [1, 7, 100])
    func handshakeFedInSmallPieces(chunkSize: Int) throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath)
        let server = try TLSServerSession(context: context)
        try handshake(client, server, chunkSize: chunkSize)
        #expect(server.isHandshakeComplete)
    }

    @Test func tls12UsesForwardSecretAEADCiphers() throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath, versions: TLS1_2_VERSION...TLS1_2_VERSION)
        let server = try TLSServerSession(context: context)
        try handshake(client, server)
        #expect(server.protocolVersion == "TLSv1.2")
        #expect(client.cipherName.hasPrefix("ECDHE-RSA-"))
        #expect(client.cipherName.contains("GCM") || client.cipherName.contains("CHACHA20-POLY1305"))
    }

    @Test(arguments: ["AES128-SHA", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA", "DHE-RSA-AES128-GCM-SHA256"])
    func tls12WithoutECDHEAndAEADIsRefused(cipher: String) throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath, versions: TLS1_2_VERSION...TLS1_2_VERSION, ciphers: cipher)
        let server = try TLSServerSession(context: context)
        let error = #expect(throws: TLSError.self) { try handshake(client, server) }
        #expect(error?.message.contains("no shared cipher") == true)
    }

    @Test func tls11IsRefusedByTheServer() throws {
        // The same client reaches the server when TLS 1.2 is allowed too: it really offers 1.1.
        let capable = try TLSTestClient(trusting: certificates.authorityPath, versions: TLS1_1_VERSION...TLS1_2_VERSION)
        let serverForCapable = try TLSServerSession(context: context)
        try handshake(capable, serverForCapable)
        #expect(serverForCapable.protocolVersion == "TLSv1.2")

        let client = try TLSTestClient(trusting: certificates.authorityPath, versions: TLS1_1_VERSION...TLS1_1_VERSION)
        let server = try TLSServerSession(context: context)
        let error = #expect(throws: TLSError.self) { try handshake(client, server) }
        #expect(error?.message.contains("unsupported protocol") == true)
        // The alert tells the client why.
        client.receive(server.takeOutput())
        #expect(throws: TLSTestClient.Failure.self) { _ = try client.advanceHandshake() }
    }

    @Test func aClientOfferingOnlyOtherProtocolsGetsNoApplicationProtocol() throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath, alpn: ["h2"])
        let server = try TLSServerSession(context: context)
        let error = #expect(throws: TLSError.self) { try handshake(client, server) }
        #expect(error?.message.contains("no application protocol") == true)
    }

    @Test func aClientWithoutALPNIsServed() throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath, alpn: [])
        let server = try TLSServerSession(context: context)
        try handshake(client, server)
        #expect(server.negotiatedProtocol == nil)
    }

    @Test(arguments: [
        Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8),
        [UInt8](repeating: 0x16, count: 600),
        (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) },
    ])
    func garbageFailsTheHandshakeCleanly(bytes: [UInt8]) throws {
        let server = try TLSServerSession(context: context)
        let error = #expect(throws: TLSError.self) {
            try bytes.withUnsafeBytes { try server.receive($0) }
            _ = try server.advanceHandshake()
        }
        #expect(error?.message.hasPrefix("the TLS handshake failed: ") == true)
        #expect(!server.isHandshakeComplete)
    }

    @Test func plaintextFlowsBothWaysAndCloseNotifyEndsIt() throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath)
        let server = try TLSServerSession(context: context)
        try handshake(client, server)
        let request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
        try client.write(request)
        try client.takeOutput().withUnsafeBytes { try server.receive($0) }
        #expect(try readAll(server).bytes == Array(request.utf8))

        let answer = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        try answer.withUnsafeBytes { try server.writePlaintext($0) }
        #expect(server.hasOutput)
        client.receive(server.takeOutput())
        #expect(!server.hasOutput)
        #expect(try client.readAvailable().bytes == answer)

        client.close()
        try client.takeOutput().withUnsafeBytes { try server.receive($0) }
        #expect(try readAll(server).closed)
        server.close()
        client.receive(server.takeOutput())
        #expect(try client.readAvailable().closed)
    }

    @Test func bufferedInputIsReportedUntilEveryPlaintextByteIsRead() throws {
        let client = try TLSTestClient(trusting: certificates.authorityPath)
        let server = try TLSServerSession(context: context)
        try handshake(client, server)
        #expect(!server.hasBufferedInput)
        let requests = ["GET /a HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET /b HTTP/1.1\r\nHost: localhost\r\n\r\n"]
        for request in requests { try client.write(request) }
        try client.takeOutput().withUnsafeBytes { try server.receive($0) }
        // Read five bytes at a time: the rest of a record already decrypted counts as buffered too.
        var plaintext: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 5)
        var reads = 0
        while server.hasBufferedInput && reads < 1000 {
            guard case .plaintext(let count) = try buffer.withUnsafeMutableBytes({ try server.readPlaintext(into: $0) }) else { break }
            plaintext += buffer.prefix(count)
            reads += 1
        }
        #expect(plaintext == Array(requests.joined().utf8))
        #expect(reads >= plaintext.count / buffer.count)
        #expect(try buffer.withUnsafeMutableBytes { try server.readPlaintext(into: $0) } == .needMoreData)
        client.close()
        try client.takeOutput().withUnsafeBytes { try server.receive($0) }
        #expect(server.hasBufferedInput)
        #expect(try readAll(server).closed)
    }

    @Test func ciphertextThatIsNeverReadIsBounded() throws {
        let server = try TLSServerSession(context: context)
        let chunk = [UInt8](repeating: 0x17, count: 64 << 10)
        var accepted = 0
        let error = #expect(throws: TLSError.self) {
            while accepted <= TLSServerSession.maximumBufferedCiphertext {
                try chunk.withUnsafeBytes { try server.receive($0) }
                accepted += chunk.count
            }
        }
        #expect(accepted == TLSServerSession.maximumBufferedCiphertext)
        #expect(error?.message.contains("could not be read") == true)
    }
}
