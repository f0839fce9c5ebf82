#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSSL

/// A server certificate (with its chain) and private key loaded from PEM files, with the
/// protocol settings every session made from it shares (docs/ARCHITECTURE.md, "TLS"):
/// TLS 1.2 and 1.3 only, ECDHE key exchange with AEAD ciphers for TLS 1.2, ALPN `http/1.1`.
///
/// `@unchecked Sendable`: the context is configured completely in `init`, before it is shared,
/// and OpenSSL allows creating sessions from one context on any thread.
public final class TLSServerContext: @unchecked Sendable {
    /// TLS 1.2 suites: ECDHE only (forward secrecy), AEAD only; TLS 1.3 keeps OpenSSL's AEAD suites.
    static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")

    let pointer: OpaquePointer
    public let certificatePath: String
    public let keyPath: String

    /// Loads the pair; the error names the file and what is wrong with it.
    public init(certificatePath: String, keyPath: String) throws(TLSError) {
        try Self.checkReadable(certificatePath, what: "certificate")
        try Self.checkReadable(keyPath, what: "key")
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw TLSError("cannot set up TLS: \(OpenSSLErrorQueue.takeOldest())")
        }
        pointer = context
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        guard meshreg_ssl_ctx_configure_server(context) == 1, SSL_CTX_set_cipher_list(context, Self.tls12Ciphers) == 1 else {
            throw TLSError("cannot set up TLS: \(OpenSSLErrorQueue.takeOldest())")
        }
        meshreg_ssl_ctx_select_alpn_http11(context)
        meshreg_ssl_ctx_refuse_passphrases(context)
        guard SSL_CTX_use_certificate_chain_file(context, certificatePath) == 1 else {
            throw TLSError("the certificate file \(certificatePath) holds no usable PEM certificate (\(OpenSSLErrorQueue.takeOldestReason())); give the server's certificate in PEM, followed by any intermediate certificates")
        }
        // Loading the key also checks it against the certificate.
        guard SSL_CTX_use_PrivateKey_file(context, keyPath, SSL_FILETYPE_PEM) == 1 else {
            if ERR_GET_REASON(ERR_peek_error()) == X509_R_KEY_VALUES_MISMATCH {
                ERR_clear_error()
                throw TLSError("the key in \(keyPath) does not match the certificate in \(certificatePath); give the key the certificate was issued for")
            }
            throw TLSError("the key file \(keyPath) holds no usable PEM private key (\(OpenSSLErrorQueue.takeOldestReason())); give the unencrypted private key in PEM")
        }
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    private static func checkReadable(_ path: String, what: String) throws(TLSError) {
        guard access(path, R_OK) == 0 else {
            throw TLSError("cannot read the \(what) file \(path): \(String(cString: strerror(errno)))")
        }
    }
}
