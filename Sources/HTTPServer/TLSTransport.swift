#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TLS

/// HTTPS: the socket carries TLS records, which a `TLSServerSession` turns into request bytes
/// and back. TLS failures close the connection like socket failures do; they are reported as a
/// `SocketError` with `EPROTO` (or `ETIMEDOUT` for a handshake that did not finish in time).
struct TLSTransport: ConnectionTransport {
    let socket: Socket
    private let session: TLSServerSession
    /// How long sending what a receive made the session answer may take.
    private let writeTimeout: Duration

    init(socket: Socket, session: TLSServerSession, writeTimeout: Duration) {
        self.socket = socket
        self.session = session
        self.writeTimeout = writeTimeout
    }

    var isSecure: Bool { true }

    /// Runs the handshake; garbage, a refused protocol version or a client that stalls past the
    /// deadline ends it (with TLS's alert when there is one to send).
    func open(deadline: ContinuousClock.Instant, buffer: UnsafeMutableRawBufferPointer) throws(SocketError) {
        while true {
            let isComplete: Bool
            do {
                isComplete = try session.advanceHandshake()
            } catch {
                try? flush(deadline: deadline)
                throw SocketError(call: "TLS handshake", errorNumber: EPROTO)
            }
            try flush(deadline: deadline)
            if isComplete { return }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining >= .milliseconds(1) else { throw SocketError(call: "TLS handshake", errorNumber: ETIMEDOUT) }
            try socket.setReceiveTimeout(remaining)
            switch try socket.receive(into: buffer) {
            case .received(let count): try feed(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            case .closedByPeer: throw SocketError(call: "TLS handshake", errorNumber: ECONNRESET)
            case .timedOut: throw SocketError(call: "TLS handshake", errorNumber: ETIMEDOUT)
            }
        }
    }

    /// Returns plaintext already decrypted; otherwise receives once, so the caller's deadlines
    /// are checked between TLS records just as between plain reads.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Socket.ReceiveResult {
        if let buffered = try readPlaintext(into: buffer) { return buffered }
        switch try socket.receive(into: buffer) {
        case .received(let count):
            try feed(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            // Post-handshake messages (TLS 1.3 key updates) may need an answer.
            try flush(deadline: .now + writeTimeout)
            return try readPlaintext(into: buffer) ?? .received(0)
        case .closedByPeer: return .closedByPeer
        case .timedOut: return .timedOut
        }
    }

    func sendAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(SocketError) {
        let encrypted = bytes.withUnsafeBytes { plaintext in (try? session.writePlaintext(plaintext)) != nil }
        guard encrypted else { throw SocketError(call: "TLS write", errorNumber: EPROTO) }
        try flush(deadline: deadline)
    }

    func closeWrite(deadline: ContinuousClock.Instant) {
        session.close()
        try? flush(deadline: deadline)
        socket.shutdown(Int32(SHUT_WR))
    }

    /// Plaintext the session already holds; `.closedByPeer` after close_notify; nil when it needs more ciphertext.
    private func readPlaintext(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Socket.ReceiveResult? {
        do {
            switch try session.readPlaintext(into: buffer) {
            case .plaintext(let count): return .received(count)
            case .closed: return .closedByPeer
            case .needMoreData: return nil
            }
        } catch {
            throw SocketError(call: "TLS read", errorNumber: EPROTO)
        }
    }

    private func feed(_ ciphertext: UnsafeRawBufferPointer) throws(SocketError) {
        do {
            try session.receive(ciphertext)
        } catch {
            throw SocketError(call: "TLS read", errorNumber: EPROTO)
        }
    }

    private func flush(deadline: ContinuousClock.Instant) throws(SocketError) {
        guard session.hasOutput else { return }
        try socket.sendAll(session.takeOutput(), deadline: deadline)
    }
}
