import TLS
import TLSTestSupport

/// Feeds a server TLS session what a hostile client might send: garbage, truncated or mangled
/// ClientHellos, records cut at any point. The session may refuse; it must never trap, and what
/// it answers is taken out as the event loop would.
enum TLSServerFuzzing {
    /// A certificate made once per process by the test CA (the openssl command line).
    private static let credentials: TLSServerCredentials = {
        do {
            let certificates = try TestCertificates()
            let pair = try certificates.issueServerCertificate("fuzz", serial: 0x7001)
            // The files are read now; the directory may go when `certificates` does.
            return try TLSServerCredentials(certificatePath: pair.certificate, keyPath: pair.key)
        } catch {
            preconditionFailure("cannot make the fuzzing certificate: \(error)")
        }
    }()

    static func run(_ bytes: [UInt8]) {
        guard let session = try? credentials.makeSession() else { preconditionFailure("no TLS session") }
        // The first byte chooses where the input is cut into two reads.
        let cut = bytes.isEmpty ? 0 : min(bytes.count, 1 + Int(bytes[0]) * 8)
        let plaintext = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 10, alignment: 16)
        defer { plaintext.deallocate() }
        for chunk in [bytes[..<cut], bytes[cut...]] where !chunk.isEmpty {
            guard Array(chunk).withUnsafeBytes({ (try? session.receive($0)) != nil }) else { return }
            do {
                if !session.isHandshakeComplete, try !session.advanceHandshake() {
                    _ = session.takeOutput()
                    continue
                }
                _ = session.takeOutput()
                while case .plaintext = try session.readPlaintext(into: plaintext) {}
            } catch {
                _ = session.takeOutput()
                return
            }
        }
    }
}
