import Foundation
import HTTPProtocol

/// One HTTP/1.1 exchange over a plain TCP connection, blocking, with `Connection: close`: the
/// transport for `http://` servers. The toolchain's URLSession keeps a core busy polling the
/// socket while it waits for the answer to an upload, which on a small machine takes that core
/// from the service doing the work; `https://` still goes through URLSession for its TLS.
enum PlainHTTPClient {
    struct Failure: Error {
        var reason: String
    }

    /// Sends the request and returns the status and body; fails naming the system's reason.
    static func exchange(_ url: URL, method: String, headers: [(String, String)], body: [UInt8], timeout: TimeInterval) throws(Failure) -> (status: Int, body: Data) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false), let host = components.host else {
            throw Failure(reason: "the URL \(url) has no host")
        }
        let port = components.port ?? 80
        let target = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath) + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        let descriptor = try connect(host: host, port: port, timeout: timeout)
        defer { close(descriptor) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try send(Array((head + "\r\n").utf8) + body, on: descriptor)
        let received = try receive(on: descriptor, timeout: timeout)
        do {
            let response = try HTTPResponseReader.read(received)
            return (response.status, Data(response.body))
        } catch {
            throw Failure(reason: error.reason)
        }
    }

    /// Connects to the first address of `host` that answers within `timeout`.
    private static func connect(host: String, port: Int, timeout: TimeInterval) throws(Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var addresses: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &addresses)
        guard resolved == 0, let first = addresses else {
            throw Failure(reason: "cannot resolve \(host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(addresses) }
        var reason = "no address"
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let current = address {
            address = current.pointee.ai_next
            let descriptor = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            let flags = fcntl(descriptor, F_GETFL)
            _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
            var result = Glibc.connect(descriptor, current.pointee.ai_addr, current.pointee.ai_addrlen)
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
            if result == 0 {
                _ = fcntl(descriptor, F_SETFL, flags)
                var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                return descriptor
            }
            reason = String(cString: strerror(errno))
            close(descriptor)
        }
        throw Failure(reason: "cannot connect to \(host) port \(port): \(reason)")
    }

    private static func send(_ bytes: [UInt8], on descriptor: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(reason: "the connection broke while sending: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// The largest answer read: far above any the registry gives (a page of a list, a plan), low
    /// enough that a wrong URL streaming without end cannot exhaust memory.
    static let maximumResponseBytes = 256 << 20

    /// Everything the server sends until it closes the connection, within `timeout` in all, so
    /// a server that dribbles bytes cannot hold the command past it.
    private static func receive(on descriptor: Int32, timeout: TimeInterval) throws(Failure) -> [UInt8] {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
            if count == 0 { return received }
            guard count > 0 else {
                let timedOut = errno == EAGAIN || errno == EWOULDBLOCK
                throw Failure(reason: timedOut ? "no answer within \(Int(timeout)) s (--timeout)" : "the connection broke: \(String(cString: strerror(errno)))")
            }
            received += buffer[..<count]
            guard received.count <= maximumResponseBytes else { throw Failure(reason: "the answer is larger than \(maximumResponseBytes >> 20) MiB; is --server the registry?") }
            guard Date() < deadline else { throw Failure(reason: "no complete answer within \(Int(timeout)) s (--timeout)") }
        }
    }
}
