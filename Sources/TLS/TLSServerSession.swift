import CSSL

/// The server side of one TLS connection, with no socket: the caller feeds it the ciphertext it
/// received, reads plaintext out, writes plaintext in and sends what `withOutput` lends
/// (docs/ARCHITECTURE.md, "TLS"). OpenSSL works on two memory BIOs, so the server's event loop
/// drives it from readiness events and tests drive it in memory.
///
/// Not `Sendable`: one connection (on one loop thread) owns it, and OpenSSL's error queue is per thread.
public final class TLSServerSession {
    /// What reading plaintext produced.
    public enum ReadResult: Equatable {
        /// This many plaintext bytes were written into the buffer.
        case plaintext(Int)
        /// The bytes received so far hold no complete record: receive more ciphertext first.
        case needMoreData
        /// The client sent close_notify: no more plaintext will come.
        case closed
    }

    /// Most ciphertext buffered but not yet decrypted; past it `receive` fails (a client
    /// streaming records it never lets us read).
    public static let maximumBufferedCiphertext = 256 << 10

    private let ssl: OpaquePointer
    private let incoming: OpaquePointer
    private let outgoing: OpaquePointer
    /// Keeps the pair alive while the session uses it, even after a reload replaced it.
    private let context: TLSServerContext

    public init(context: TLSServerContext) throws(TLSError) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.pointer) else { throw TLSError("cannot start TLS: \(OpenSSLErrorQueue.takeOldest())") }
        guard let incoming = BIO_new(BIO_s_mem()), let outgoing = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSError("cannot start TLS: out of memory")
        }
        SSL_set_bio(ssl, incoming, outgoing)
        SSL_set_accept_state(ssl)
        self.ssl = ssl
        self.incoming = incoming
        self.outgoing = outgoing
        self.context = context
    }

    deinit {
        SSL_free(ssl)  // frees both BIOs
    }

    /// Whether the handshake has finished; plaintext flows only afterwards.
    public var isHandshakeComplete: Bool { SSL_is_init_finished(ssl) == 1 }

    /// The ALPN protocol agreed on (`http/1.1`), nil when the client offered none.
    public var negotiatedProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// `TLSv1.3` or `TLSv1.2` once the handshake is complete.
    public var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    /// Hands the session ciphertext received from the client.
    public func receive(_ ciphertext: UnsafeRawBufferPointer) throws(TLSError) {
        guard !ciphertext.isEmpty else { return }
        guard BIO_ctrl_pending(incoming) + ciphertext.count <= Self.maximumBufferedCiphertext else {
            throw TLSError("the client sent more than \(Self.maximumBufferedCiphertext) bytes that could not be read")
        }
        guard BIO_write(incoming, ciphertext.baseAddress, Int32(ciphertext.count)) == Int32(ciphertext.count) else {
            throw TLSError("cannot buffer TLS input: \(OpenSSLErrorQueue.takeOldest())")
        }
    }

    /// Runs the handshake as far as the received bytes allow; true once it is complete. A
    /// failure (garbage, a refused protocol version) may leave an alert in the output.
    public func advanceHandshake() throws(TLSError) -> Bool {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return true }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ: return false
        default: throw failure("the TLS handshake failed")
        }
    }

    /// Whether ciphertext received (or plaintext decrypted from it) waits to be read. When it
    /// does not, `readPlaintext` could only answer `.needMoreData`, after OpenSSL allocated and
    /// released a record buffer for nothing (`SSL_MODE_RELEASE_BUFFERS`), so callers skip it.
    public var hasBufferedInput: Bool { BIO_ctrl_pending(incoming) > 0 || SSL_has_pending(ssl) == 1 }

    /// Decrypts buffered ciphertext into `buffer` (finishing the handshake first if needed).
    public func readPlaintext(into buffer: UnsafeMutableRawBufferPointer) throws(TLSError) -> ReadResult {
        ERR_clear_error()
        var count = 0
        if SSL_read_ex(ssl, buffer.baseAddress, buffer.count, &count) == 1 { return .plaintext(count) }
        switch SSL_get_error(ssl, 0) {
        case SSL_ERROR_WANT_READ: return .needMoreData
        case SSL_ERROR_ZERO_RETURN: return .closed
        default: throw failure("the TLS connection broke")
        }
    }

    /// Encrypts `plaintext`; the records wait in the output (`withOutput`).
    public func writePlaintext(_ plaintext: UnsafeRawBufferPointer) throws(TLSError) {
        guard !plaintext.isEmpty else { return }
        ERR_clear_error()
        var written = 0
        // A memory BIO grows as needed, so one call encrypts everything.
        guard SSL_write_ex(ssl, plaintext.baseAddress, plaintext.count, &written) == 1, written == plaintext.count else {
            throw failure("cannot encrypt the answer")
        }
    }

    /// Queues close_notify: the connection ends cleanly once the output is sent.
    public func close() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Whether ciphertext is waiting to be sent.
    public var hasOutput: Bool { BIO_ctrl_pending(outgoing) > 0 }

    /// Lends the ciphertext waiting to be sent to `body`, where it lies in the session's output
    /// buffer (no copy), then takes it out of the output. `body` must not use the session: what
    /// it wrote would be taken out unsent, and the lent bytes could move.
    public func withOutput<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        var data: UnsafeMutablePointer<CChar>?
        let count = max(0, BIO_ctrl(outgoing, BIO_CTRL_INFO, 0, &data))  // BIO_get_mem_data: the unread bytes
        defer {
            // Read past them (BIO_seek), as BIO_read would without copying them out. BIO_reset
            // would zero all the storage the buffer ever grew to, at every answer after a large one.
            let offset = BIO_ctrl(outgoing, BIO_C_FILE_TELL, 0, nil)
            if offset < 0 || BIO_ctrl(outgoing, BIO_C_FILE_SEEK, offset + count, nil) < 0 {
                _ = BIO_ctrl(outgoing, BIO_CTRL_RESET, 0, nil)
            }
        }
        return try body(UnsafeRawBufferPointer(start: data, count: count))
    }

    /// The ciphertext to send to the client, emptying the session's output.
    public func takeOutput() -> [UInt8] {
        withOutput { Array($0) }
    }

    private func failure(_ what: String) -> TLSError {
        TLSError("\(what): \(OpenSSLErrorQueue.takeOldestReason())")
    }
}
