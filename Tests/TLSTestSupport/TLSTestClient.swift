import CSSL

/// An OpenSSL client over memory buffers that verifies the server against a test CA: the peer
/// the server session is tested against, written apart from the server's code.
public final class TLSTestClient {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private let incoming: OpaquePointer
    private let outgoing: OpaquePointer

    /// `versions` bounds the protocol versions offered; `ciphers`, when given, replaces the TLS 1.2
    /// cipher list (at security level 0, so old protocols can really be offered).
    public init(trusting authorityPath: String, alpn: [String] = ["http/1.1"],
         versions: ClosedRange<Int32> = TLS1_2_VERSION...TLS1_3_VERSION, ciphers: String? = nil) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Failure(description: "SSL_CTX_new") }
        self.context = context
        guard meshreg_ssl_ctx_set_protocol_range(context, versions.lowerBound, versions.upperBound) == 1,
              SSL_CTX_load_verify_locations(context, authorityPath, nil) == 1 else {
            throw Failure(description: "cannot configure the test client")
        }
        if let ciphers {
            guard SSL_CTX_set_cipher_list(context, ciphers + ":@SECLEVEL=0") == 1 else { throw Failure(description: "cipher list \(ciphers)") }
        } else if versions.lowerBound < TLS1_2_VERSION {
            _ = SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        if !alpn.isEmpty {
            let wire = alpn.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
            _ = SSL_CTX_set_alpn_protos(context, wire, UInt32(wire.count))
        }
        guard let ssl = SSL_new(context), let incoming = BIO_new(BIO_s_mem()), let outgoing = BIO_new(BIO_s_mem()) else {
            throw Failure(description: "SSL_new")
        }
        SSL_set_bio(ssl, incoming, outgoing)
        SSL_set_connect_state(ssl)
        _ = meshreg_ssl_set_server_name(ssl, "localhost")
        SSL_set1_host(ssl, "localhost")
        self.ssl = ssl
        self.incoming = incoming
        self.outgoing = outgoing
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    /// True once the handshake is done; throws when the client gave up (e.g. on the server's alert).
    public func advanceHandshake() throws -> Bool {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return true }
        guard SSL_get_error(ssl, result) == SSL_ERROR_WANT_READ else { throw Failure(description: Self.reason()) }
        return false
    }

    public var protocolVersion: String { String(cString: SSL_get_version(ssl)) }
    public var cipherName: String { String(cString: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) }
    public var verificationResult: Int { SSL_get_verify_result(ssl) }

    /// The serial number of the certificate the server presented, in hex.
    public var peerSerial: String? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(certificate) }
        guard let number = ASN1_INTEGER_to_BN(X509_get_serialNumber(certificate), nil) else { return nil }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return nil }
        defer { CRYPTO_free(hex, #file, #line) }
        return String(cString: hex)
    }

    public func receive(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        _ = BIO_write(incoming, bytes, Int32(bytes.count))
    }

    public func takeOutput() -> [UInt8] {
        let count = BIO_ctrl_pending(outgoing)
        var bytes = [UInt8](repeating: 0, count: count)
        let read = BIO_read(outgoing, &bytes, Int32(count))
        return Array(bytes.prefix(Int(max(0, read))))
    }

    public func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var written = 0
        guard SSL_write_ex(ssl, bytes, bytes.count, &written) == 1 else { throw Failure(description: Self.reason()) }
    }

    /// All plaintext the received records hold, and whether the server sent close_notify after it.
    public func readAvailable() throws -> (bytes: [UInt8], closed: Bool) {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            var count = 0
            if SSL_read_ex(ssl, &buffer, buffer.count, &count) == 1 {
                result += buffer.prefix(count)
                continue
            }
            switch SSL_get_error(ssl, 0) {
            case SSL_ERROR_WANT_READ: return (result, false)
            case SSL_ERROR_ZERO_RETURN: return (result, true)
            default: throw Failure(description: Self.reason())
            }
        }
    }

    public func close() {
        _ = SSL_shutdown(ssl)
    }

    private static func reason() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0, let reason = ERR_reason_error_string(code) else { return "no reason given" }
        return String(cString: reason)
    }
}
