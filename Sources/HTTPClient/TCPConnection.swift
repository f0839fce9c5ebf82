#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP connection whose connect, sends and receives each give up after `timeout`.
final class TCPConnection: ByteStream {
    let descriptor: Int32
    let timeout: Double

    private init(descriptor: Int32, timeout: Double) {
        self.descriptor = descriptor
        self.timeout = timeout
    }

    deinit { close(descriptor) }

    /// Connects to the first of `addresses` that answers on `port` within `timeout`.
    static func connect(to addresses: [IPAddress], port: Int, timeout: Double) throws(HTTPClientError) -> TCPConnection {
        var reason = "no address to connect to"
        var timedOut = false
        for address in addresses {
            let descriptor = socket(address.isIPv4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard descriptor >= 0 else {
                reason = String(cString: strerror(errno))
                continue
            }
            let flags = fcntl(descriptor, F_GETFL)
            _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
            var result = address.withSocketAddress(port: port) { Glibc.connect(descriptor, $0, $1) }
            if result != 0, errno == EINPROGRESS {
                var pending = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&pending, 1, Int32(timeout * 1000)) == 1 {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
                    result = error == 0 ? 0 : -1
                    errno = error
                } else {
                    errno = ETIMEDOUT
                }
            }
            guard result == 0 else {
                timedOut = errno == ETIMEDOUT
                reason = "\(address) port \(port): \(String(cString: strerror(errno)))"
                close(descriptor)
                continue
            }
            _ = fcntl(descriptor, F_SETFL, flags)
            var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            var noDelay: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            return TCPConnection(descriptor: descriptor, timeout: timeout)
        }
        throw HTTPClientError("cannot connect: \(reason)", isTimeout: timedOut)
    }

    func write(_ bytes: [UInt8]) throws(HTTPClientError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { throw HTTPClientError("the connection broke while sending: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    func read(into buffer: inout [UInt8]) throws(HTTPClientError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw errno == EAGAIN || errno == EWOULDBLOCK
                ? HTTPClientError("no answer within \(Int(timeout)) s", isTimeout: true)
                : HTTPClientError("the connection broke: \(String(cString: strerror(errno)))")
        }
    }
}
