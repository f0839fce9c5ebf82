import Foundation
import Glibc

/// One HTTP/1.1 POST over a plain TCP connection to an address `WebhookURLGuard` checked (so a
/// changed DNS answer cannot redirect it), with `Connection: close`: only the status line of the
/// answer matters, and nothing is followed. Connect, send and receive each time out.
enum PlainHTTPPost {
    static func send(to target: WebhookTarget, headers: [(String, String)], body: [UInt8], timeout: Double) -> Result<Int, WebhookSendError> {
        var lastError = WebhookSendError("no address to connect to")
        for address in target.addresses {
            switch connect(address, port: target.port, timeout: timeout) {
            case .failure(let error): lastError = error
            case .success(let descriptor):
                defer { close(descriptor) }
                var head = "POST \(target.requestTarget) HTTP/1.1\r\nHost: \(target.hostField)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                guard sendAll(descriptor, Array((head + "\r\n").utf8) + body) else {
                    return .failure(WebhookSendError("the connection failed while sending: \(String(cString: strerror(errno)))"))
                }
                return readStatus(descriptor)
            }
        }
        return .failure(lastError)
    }

    private static func connect(_ address: [UInt8], port: Int, timeout: Double) -> Result<Int32, WebhookSendError> {
        let family = address.count == 4 ? AF_INET : AF_INET6
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(WebhookSendError("socket: \(String(cString: strerror(errno)))")) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let connected: Int32
        if address.count == 4 {
            var ipv4 = sockaddr_in()
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeMutableBytes(of: &ipv4.sin_addr) { $0.copyBytes(from: address) }
            connected = withUnsafePointer(to: &ipv4) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        } else {
            var ipv6 = sockaddr_in6()
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeMutableBytes(of: &ipv6.sin6_addr) { $0.copyBytes(from: address) }
            connected = withUnsafePointer(to: &ipv6) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        }
        guard connected == 0 else {
            let reason = errno == EINPROGRESS || errno == EAGAIN ? "timed out" : String(cString: strerror(errno))
            close(descriptor)
            return .failure(WebhookSendError("cannot connect: \(reason)"))
        }
        return .success(descriptor)
    }

    private static func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// The status code of `HTTP/1.x NNN …`, read up to the end of the status line.
    private static func readStatus(_ descriptor: Int32) -> Result<Int, WebhookSendError> {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1_024)
        while !received.contains(0x0A), received.count < 8_192 {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                return .failure(WebhookSendError(count == 0 ? "the receiver closed the connection without answering" : "no answer in time"))
            }
            received += buffer[..<count]
        }
        let line = String(decoding: received.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2, line[0].hasPrefix("HTTP/1."), let status = Int(line[1]), (100...999).contains(status) else {
            return .failure(WebhookSendError("the answer is not HTTP/1.x"))
        }
        return .success(status)
    }
}
