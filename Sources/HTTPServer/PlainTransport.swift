#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain HTTP: request bytes are the socket's bytes.
struct PlainTransport: ConnectionTransport {
    let socket: Socket

    var isSecure: Bool { false }

    func open(deadline: ContinuousClock.Instant, buffer: UnsafeMutableRawBufferPointer) {}

    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Socket.ReceiveResult {
        try socket.receive(into: buffer)
    }

    func sendAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(SocketError) {
        try socket.sendAll(bytes, deadline: deadline)
    }

    func closeWrite(deadline: ContinuousClock.Instant) {
        socket.shutdown(Int32(SHUT_WR))
    }
}
