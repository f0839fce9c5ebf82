#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEpoll

/// One epoll instance and the eventfd that wakes it from other threads (Linux).
///
/// Connections are registered edge-triggered for reading and writing once, and never modified:
/// the loop remembers what is readable or writable until a call answers EAGAIN.
struct Epoll {
    /// What `wait` reports for one descriptor.
    struct Event {
        var token: UInt64
        var isReadable: Bool
        var isWritable: Bool
        /// The peer closed its side or the connection broke: reading will say so.
        var isHungUp: Bool
    }

    let descriptor: Int32
    let wakeDescriptor: Int32
    /// The token the wake eventfd reports with.
    static let wakeToken = UInt64.max
    /// The token the listening socket reports with.
    static let listenerToken = UInt64.max - 1

    init() throws(SocketError) {
        descriptor = try SystemCall.run("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
        do {
            wakeDescriptor = try SystemCall.run("eventfd") { eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC)) }
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        do {
            try add(wakeDescriptor, token: Self.wakeToken, events: EPOLLIN.rawValue)
        } catch {
            close()
            throw error
        }
    }

    func close() {
        Glibc.close(wakeDescriptor)
        Glibc.close(descriptor)
    }

    /// Watches a connection for reading, writing and hang-ups, edge-triggered.
    func addConnection(_ socket: Socket, token: UInt64) throws(SocketError) {
        try add(socket.descriptor, token: token, events: EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue)
    }

    /// Watches the listening socket; with several loops only one is woken per connection.
    func addListener(_ socket: Socket) throws(SocketError) {
        try add(socket.descriptor, token: Self.listenerToken, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)
    }

    func remove(_ socket: Socket) {
        _ = epoll_ctl(descriptor, EPOLL_CTL_DEL, socket.descriptor, nil)
    }

    /// Wakes the thread in `wait` (callable from any thread).
    func wake() {
        var one: UInt64 = 1
        _ = write(wakeDescriptor, &one, 8)
    }

    /// Clears the wake counter after a wake-up.
    func acknowledgeWake() {
        var count: UInt64 = 0
        _ = read(wakeDescriptor, &count, 8)
    }

    /// Waits up to `timeout` (nil: forever) and calls `body` for each event; EINTR counts as none.
    func wait(timeout: Duration?, into buffer: UnsafeMutableBufferPointer<epoll_event>, _ body: (Event) -> Void) throws(SocketError) {
        let milliseconds: Int32
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            // Rounded up, so the loop does not wake a moment before a deadline and spin.
            let total = max(0, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            milliseconds = Int32(clamping: total)
        } else {
            milliseconds = -1
        }
        let count = epoll_wait(descriptor, buffer.baseAddress, Int32(buffer.count), milliseconds)
        if count < 0 {
            if errno == EINTR { return }
            throw SocketError(call: "epoll_wait", errorNumber: errno)
        }
        let readable = EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue
        let writable = EPOLLOUT.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue
        let hungUp = EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue
        for index in 0..<Int(count) {
            let event = buffer[index]
            body(Event(token: event.data.u64, isReadable: event.events & readable != 0, isWritable: event.events & writable != 0,
                       isHungUp: event.events & hungUp != 0))
        }
    }

    private func add(_ descriptor: Int32, token: UInt64, events: UInt32) throws(SocketError) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        try SystemCall.run("epoll_ctl") { epoll_ctl(self.descriptor, EPOLL_CTL_ADD, descriptor, &event) }
    }
}
