#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import HTTPProtocol
import TLS

/// One connection as its event loop holds it: the socket, what epoll last said about it, the
/// bytes not yet sent, the TLS session under HTTPS, and the state machine deciding the rest.
/// Only the owning loop's thread touches it.
final class EventLoopConnection {
    let socket: Socket
    /// Tells this connection from a later one on the same descriptor.
    let serial: UInt64
    var machine: HTTPConnectionStateMachine
    private let tls: TLSServerSession?
    /// Edge-triggered readiness: set by epoll, cleared when a call answers EAGAIN.
    var isReadable = true
    var isWritable = true
    /// epoll reported the peer's close: reads continue until they say so, short or not.
    var isHungUp = false
    private var output: [UInt8] = []
    private var outputSent = 0
    /// The sending direction ends once the output is sent.
    private var shutdownPending = false
    /// The earliest deadline the loop's timer queue holds for this connection.
    var scheduledDeadline: MonotonicInstant?

    init(socket: Socket, serial: UInt64, machine: HTTPConnectionStateMachine, tls: TLSServerSession?) {
        self.socket = socket
        self.serial = serial
        self.machine = machine
        self.tls = tls
    }

    var hasPendingOutput: Bool { outputSent < output.count }

    /// Sends an answer's bytes as far as the socket takes them and queues the rest; under TLS its
    /// records go out from the session's buffer, and only what the socket refuses is copied.
    func send(_ bytes: [UInt8], now: MonotonicInstant) {
        if let tls {
            let encrypted = bytes.withUnsafeBytes { (try? tls.writePlaintext($0)) != nil }
            guard encrypted else { return machine.connectionFailed() }
            sendOutput(of: tls)
        } else {
            queue(bytes)
        }
        flush(now: now)
    }

    /// Ends the sending direction once the output is sent (close_notify first under TLS).
    func shutdownWrite(now: MonotonicInstant) {
        if let tls {
            tls.close()
            sendOutput(of: tls)
        }
        shutdownPending = true
        flush(now: now)
    }

    /// Sends queued bytes while the socket takes them; tells the machine when all are gone.
    func flush(now: MonotonicInstant) {
        while hasPendingOutput && isWritable {
            guard let sent = output.withUnsafeBytes({ sendNow(UnsafeRawBufferPointer(rebasing: $0[outputSent...])) }) else { return }
            outputSent += sent
        }
        guard !hasPendingOutput else { return }
        // The output holds one answer's array or a refused remainder; keeping its storage would only hold memory while idle.
        output = []
        outputSent = 0
        if shutdownPending {
            shutdownPending = false
            socket.shutdown(Int32(SHUT_WR))
        }
        machine.outputFlushed(now: now)
    }

    /// Reads once if the machine wants bytes and there may be some; false when nothing happened.
    func readOnce(into buffer: UnsafeMutableRawBufferPointer, now: MonotonicInstant) -> Bool {
        guard machine.wantsToRead else { return false }
        if let tls, !machine.discardsInput, !machine.isHandshaking, tls.hasBufferedInput {
            // Reading may make the session answer (session tickets, key updates): that goes out first.
            defer {
                if tls.hasOutput {
                    sendOutput(of: tls)
                    flush(now: now)
                }
            }
            do {
                switch try tls.readPlaintext(into: buffer) {
                case .plaintext(let count):
                    machine.bytesReceived(UnsafeRawBufferPointer(rebasing: buffer[..<count]), now: now)
                    return true
                case .closed:
                    machine.peerClosed()
                    return true
                case .needMoreData:
                    break
                }
            } catch {
                machine.connectionFailed()
                return true
            }
        }
        guard isReadable else { return false }
        let result: Socket.ReceiveResult
        do {
            result = try socket.receive(into: buffer)
        } catch {
            machine.connectionFailed()
            return true
        }
        switch result {
        case .wouldBlock:
            isReadable = false
            return false
        case .closedByPeer:
            machine.peerClosed()
        case .received(let count):
            // A short read took everything queued; what arrives later raises a new edge. So the
            // next read is left to epoll instead of costing a recv that answers EAGAIN (as nginx
            // does), unless the peer's close is pending: that raises no further edge.
            if count < buffer.count && !isHungUp { isReadable = false }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            if let tls, !machine.discardsInput {
                let wasHandshaking = machine.isHandshaking
                receiveCiphertext(bytes, session: tls, now: now)
                if !wasHandshaking { machine.bytesReceived(UnsafeRawBufferPointer(start: nil, count: 0), now: now) }
            } else {
                machine.bytesReceived(bytes, now: now)
            }
        }
        return true
    }

    /// Hands ciphertext to the session and advances the handshake; what the session answers
    /// (handshake records, alerts, key updates) is sent, and what the socket refuses queued.
    private func receiveCiphertext(_ ciphertext: UnsafeRawBufferPointer, session: TLSServerSession, now: MonotonicInstant) {
        do {
            try session.receive(ciphertext)
            if machine.isHandshaking, try session.advanceHandshake() {
                machine.handshakeCompleted(now: now)
            }
        } catch {
            // Garbage or a refused handshake: the alert, if any, goes out once; then the connection closes.
            sendOutput(of: session)
            flush(now: now)
            return machine.connectionFailed()
        }
        if session.hasOutput {
            sendOutput(of: session)
            flush(now: now)
        }
    }

    /// Sends the session's ciphertext from where it lies when nothing waits before it and the
    /// socket takes it; only what the socket does not take is copied into `output`.
    private func sendOutput(of session: TLSServerSession) {
        session.withOutput { ciphertext in
            guard !ciphertext.isEmpty else { return }
            var sent = 0
            if !hasPendingOutput && isWritable {
                guard let taken = sendNow(ciphertext) else { return }
                sent = taken
            }
            output.append(contentsOf: ciphertext[sent...])
        }
    }

    /// One `send`: how many bytes the socket took (0 when it would block, which clears
    /// `isWritable`), or nil when it failed and the machine was told.
    private func sendNow(_ bytes: UnsafeRawBufferPointer) -> Int? {
        do {
            let sent = try socket.send(bytes)
            if sent == 0 { isWritable = false }
            return sent
        } catch {
            machine.connectionFailed()
            return nil
        }
    }

    private func queue(_ bytes: [UInt8]) {
        if output.isEmpty {
            output = bytes
        } else {
            output.append(contentsOf: bytes)
        }
    }
}
