import Foundation
import Testing
@testable import TLS
import TLSTestSupport

@Suite struct TLSServerCredentialsTests {
    /// Handshakes a fresh client with `server` and returns the serial it was shown.
    private func serialSeen(by client: TLSTestClient, from server: TLSServerSession) throws -> String? {
        for _ in 0..<10 {
            let clientDone = try client.advanceHandshake()
            try client.takeOutput().withUnsafeBytes { try server.receive($0) }
            let serverDone = try server.advanceHandshake()
            client.receive(server.takeOutput())
            if clientDone && serverDone { return client.peerSerial }
        }
        return nil
    }

    @Test func reloadServesTheNewPairToNewSessionsAndKeepsOldSessions() throws {
        let certificates = try TestCertificates()
        let files = try certificates.issueServerCertificate("live", serial: 0x3001)
        let credentials = try TLSServerCredentials(certificatePath: files.certificate, keyPath: files.key)
        let before = try credentials.makeSession()

        try certificates.issueServerCertificate("live", serial: 0x3002)
        try credentials.reload()
        let after = try credentials.makeSession()

        // The session made before the reload still completes its handshake with the old pair.
        #expect(try serialSeen(by: TLSTestClient(trusting: certificates.authorityPath), from: before) == "3001")
        #expect(try serialSeen(by: TLSTestClient(trusting: certificates.authorityPath), from: after) == "3002")
    }

    @Test func aBadNewPairIsRefusedAndTheOldOneKept() throws {
        let certificates = try TestCertificates()
        let files = try certificates.issueServerCertificate("live", serial: 0x3101)
        let credentials = try TLSServerCredentials(certificatePath: files.certificate, keyPath: files.key)
        // A new certificate whose key has not been copied yet: they do not match.
        let other = try certificates.issueServerCertificate("other", serial: 0x3102)
        try FileManager.default.removeItem(atPath: files.certificate)
        try FileManager.default.copyItem(atPath: other.certificate, toPath: files.certificate)
        let error = #expect(throws: TLSError.self) { try credentials.reload() }
        #expect(error?.message.contains("does not match") == true)
        #expect(try serialSeen(by: TLSTestClient(trusting: certificates.authorityPath), from: credentials.makeSession()) == "3101")
    }
}
