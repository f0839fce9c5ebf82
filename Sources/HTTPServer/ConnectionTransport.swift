/// How a connection's bytes travel: straight over the socket, or through a TLS session
/// (docs/ARCHITECTURE.md, "TLS"). `HTTPConnection` reads requests and writes answers through it
/// and keeps using the socket itself for timeouts and shutdown.
protocol ConnectionTransport {
    /// The client's socket, owned by the connection.
    var socket: Socket { get }
    /// Whether the bytes are encrypted (the request came over https).
    var isSecure: Bool { get }
    /// Prepares the connection before the first request (the TLS handshake) by the deadline;
    /// a failure means the connection closes.
    func open(deadline: ContinuousClock.Instant, buffer: UnsafeMutableRawBufferPointer) throws(SocketError)
    /// Receives request bytes into `buffer`; `.received(0)` when bytes arrived but none were
    /// request bytes yet (a partial TLS record).
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Socket.ReceiveResult
    /// Sends every byte unless the deadline passes first.
    func sendAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(SocketError)
    /// Ends the sending direction (after close_notify under TLS); reading stays possible.
    func closeWrite(deadline: ContinuousClock.Instant)
}
