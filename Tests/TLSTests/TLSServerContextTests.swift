import Foundation
import Testing
@testable import TLS
import TLSTestSupport

@Suite struct TLSServerContextTests {
    let certificates: TestCertificates
    let pair: (certificate: String, key: String)

    init() throws {
        certificates = try TestCertificates()
        pair = try certificates.issueServerCertificate("server", serial: 0x2001)
    }

    private func loadError(certificate: String, key: String) -> String? {
        #expect(throws: TLSError.self) { try TLSServerContext(certificatePath: certificate, keyPath: key) }?.message
    }

    @Test func aChainFileWithIntermediatesLoads() throws {
        let chain = certificates.path("chain.pem")
        let contents = try String(contentsOfFile: pair.certificate, encoding: .utf8) + (try String(contentsOfFile: certificates.authorityPath, encoding: .utf8))
        try contents.write(toFile: chain, atomically: true, encoding: .utf8)
        let context = try TLSServerContext(certificatePath: chain, keyPath: pair.key)
        #expect(context.certificatePath == chain)
    }

    @Test func aMissingFileIsNamed() {
        let missing = certificates.path("missing.pem")
        let message = loadError(certificate: missing, key: pair.key)
        #expect(message == "cannot read the certificate file \(missing): No such file or directory")
        let keyMessage = loadError(certificate: pair.certificate, key: missing)
        #expect(keyMessage == "cannot read the key file \(missing): No such file or directory")
    }

    @Test func aFileWithoutACertificateIsNamed() {
        let message = loadError(certificate: pair.key, key: pair.key)
        #expect(message?.hasPrefix("the certificate file \(pair.key) holds no usable PEM certificate (") == true)
    }

    @Test func aKeyFileWithoutAKeyIsNamed() {
        let message = loadError(certificate: pair.certificate, key: pair.certificate)
        #expect(message?.hasPrefix("the key file \(pair.certificate) holds no usable PEM private key (") == true)
    }

    @Test func anEncryptedKeyIsRefusedWithoutPrompting() throws {
        let encrypted = try certificates.encryptKey("server")
        let message = loadError(certificate: pair.certificate, key: encrypted)
        #expect(message?.hasPrefix("the key file \(encrypted) holds no usable PEM private key (") == true)
    }

    @Test func aKeyOfAnotherCertificateIsRefused() throws {
        let other = try certificates.issueServerCertificate("other", serial: 0x2002)
        let message = loadError(certificate: pair.certificate, key: other.key)
        #expect(message == "the key in \(other.key) does not match the certificate in \(pair.certificate); give the key the certificate was issued for")
    }
}
