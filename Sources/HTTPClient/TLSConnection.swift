import CSSL
import TLS

/// TLS 1.2 or 1.3 over a connected socket, through OpenSSL's libssl: the server's certificate
/// must chain to a trusted root (the system's, or those named by `SSL_CERT_FILE` /
/// `SSL_CERT_DIR`) and name the host the URL names, even when the socket was connected to an
/// address checked beforehand.
final class TLSConnection: ByteStream {
    private let socket: TCPConnection
    private let ssl: OpaquePointer

    init(over socket: TCPConnection, host: String) throws(HTTPClientError) {
        let context = try TLSClientContext.shared.get()
        guard let ssl = SSL_new(context.pointer) else { throw HTTPClientError("cannot start TLS: \(OpenSSLErrorQueue.takeOldest())") }
        self.socket = socket
        self.ssl = ssl
        ERR_clear_error()
        SSL_set_fd(ssl, socket.descriptor)
        let parameters = SSL_get0_param(ssl)
        if IPAddress.isLiteral(host) {
            X509_VERIFY_PARAM_set1_ip_asc(parameters, host)
        } else {
            _ = meshreg_ssl_set_server_name(ssl, host)
            SSL_set1_host(ssl, host)
        }
        guard SSL_connect(ssl) == 1 else {
            let verification = SSL_get_verify_result(ssl)
            if verification != X509_V_OK {
                throw HTTPClientError("the certificate of \(host) is not trusted: \(String(cString: X509_verify_cert_error_string(verification)))")
            }
            throw HTTPClientError("the TLS handshake with \(host) failed: \(OpenSSLErrorQueue.takeOldest())")
        }
    }

    deinit {
        SSL_free(ssl)
    }

    func write(_ bytes: [UInt8]) throws(HTTPClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32(min($0.count, Int(Int32.max)))) }
            guard written > 0 else { throw HTTPClientError("the TLS connection broke while sending: \(OpenSSLErrorQueue.takeOldest())") }
            offset += Int(written)
        }
    }

    func read(into buffer: inout [UInt8]) throws(HTTPClientError) -> Int {
        let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
        if count > 0 { return Int(count) }
        switch SSL_get_error(ssl, count) {
        case SSL_ERROR_ZERO_RETURN: return 0
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: throw HTTPClientError("no answer within \(Int(socket.timeout)) s", isTimeout: true)
        case SSL_ERROR_SYSCALL where ERR_peek_error() == 0, SSL_ERROR_SSL where ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING:
            // Closed without close_notify: the response reader still checks the answer is whole.
            ERR_clear_error()
            return 0
        default: throw HTTPClientError("the TLS connection broke: \(OpenSSLErrorQueue.takeOldest())")
        }
    }
}

/// The one client context of the process: TLS 1.2 at least, peers verified against the default
/// trust store. `@unchecked Sendable`: the context is configured once, before it is shared, and
/// OpenSSL allows creating connections from it on any thread.
final class TLSClientContext: @unchecked Sendable {
    let pointer: OpaquePointer

    static let shared = Result { () throws(HTTPClientError) in try TLSClientContext() }

    private init() throws(HTTPClientError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw HTTPClientError("cannot set up TLS: \(OpenSSLErrorQueue.takeOldest())") }
        pointer = context
        guard meshreg_ssl_ctx_set_minimum_tls12(context) == 1, SSL_CTX_set_default_verify_paths(context) == 1 else {
            throw HTTPClientError("cannot set up TLS: \(OpenSSLErrorQueue.takeOldest())")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
    }
}
