#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CEpoll

/// A non-blocking TCP socket descriptor with the few operations the server needs.
///
/// A plain value: the event loop that owns a connection calls `close()` exactly once; closing
/// also removes the descriptor from the loop's epoll set.
struct Socket: Sendable, Hashable {
    let descriptor: Int32

    /// What a receive produced.
    enum ReceiveResult {
        case received(Int)
        case closedByPeer
        /// Nothing to read now; epoll reports when there is.
        case wouldBlock
    }

    /// Creates a listening socket bound to an IPv4 or IPv6 literal address (`localhost` allowed).
    static func listen(host: String, port: Int, backlog: Int32) throws(SocketError) -> Socket {
        let literal = host == "localhost" ? "127.0.0.1" : host
        var address = sockaddr_storage()
        let length: socklen_t
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        if inet_pton(AF_INET, literal, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeBytes(of: ipv4) { bytes in withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: bytes) } }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        } else if inet_pton(AF_INET6, literal, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeBytes(of: ipv6) { bytes in withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: bytes) } }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        } else {
            throw SocketError(call: "inet_pton(\(host))", errorNumber: EINVAL)
        }
        let family = Int32(address.ss_family)
        let socket = Socket(descriptor: try SystemCall.run("socket") { Glibc.socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0) })
        do {
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, value: 1, name: "SO_REUSEADDR")
            _ = try withUnsafePointer(to: &address) { pointer throws(SocketError) in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SocketError) in
                    try SystemCall.run("bind") { Glibc.bind(socket.descriptor, address, length) }
                }
            }
            try SystemCall.run("listen") { Glibc.listen(socket.descriptor, backlog) }
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// The port the socket is bound to (the chosen one when bound to port 0).
    func localPort() throws(SocketError) -> Int {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &address) { pointer throws(SocketError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SocketError) in
                try SystemCall.run("getsockname") { getsockname(descriptor, address, &length) }
            }
        }
        let port = withUnsafeBytes(of: address) { bytes in
            Int32(address.ss_family) == AF_INET6
                ? bytes.load(as: sockaddr_in6.self).sin6_port
                : bytes.load(as: sockaddr_in.self).sin_port
        }
        return Int(UInt16(bigEndian: port))
    }

    /// Accepts a waiting connection as a non-blocking socket; nil when none is waiting. Returns
    /// the client's socket and its IP address as text.
    func accept() throws(SocketError) -> (socket: Socket, address: String)? {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let descriptor = self.descriptor
        let outcome = try withUnsafeMutablePointer(to: &address) { pointer throws(SocketError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SocketError) in
                try SystemCall.runAllowingWouldBlock("accept4") {
                    accept4(descriptor, address, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                }
            }
        }
        guard case .completed(let accepted) = outcome else { return nil }
        return (Socket(descriptor: accepted), Self.text(of: address))
    }

    /// `127.0.0.1` or `::1` for an IPv4 or IPv6 socket address.
    private static func text(of address: sockaddr_storage) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var storage = address
        let family = Int32(storage.ss_family)
        let written = withUnsafePointer(to: &storage) { pointer -> UnsafePointer<CChar>? in
            pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout<sockaddr_storage>.size) { bytes in
                let offset = family == AF_INET6 ? MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr)! : MemoryLayout<sockaddr_in>.offset(of: \.sin_addr)!
                return inet_ntop(family, bytes + offset, &buffer, socklen_t(buffer.count))
            }
        }
        guard written != nil else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Receives what is there into `buffer` without waiting.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> ReceiveResult {
        switch try SystemCall.runAllowingWouldBlock("recv", { recv(descriptor, buffer.baseAddress, buffer.count, 0) }) {
        case .completed(0): .closedByPeer
        case .completed(let count): .received(count)
        case .wouldBlock: .wouldBlock
        }
    }

    /// Sends what the kernel takes now (never raising SIGPIPE); 0 when it takes nothing.
    func send(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        switch try SystemCall.runAllowingWouldBlock("send", { Glibc.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }) {
        case .completed(let count): count
        case .wouldBlock: 0
        }
    }

    /// Disables Nagle's algorithm so small responses leave at once.
    func setNoDelay() throws(SocketError) {
        try setOption(Int32(IPPROTO_TCP), TCP_NODELAY, value: 1, name: "TCP_NODELAY")
    }

    /// Shuts down one or both directions (a listener stops taking connections).
    func shutdown(_ how: Int32) {
        _ = Glibc.shutdown(descriptor, how)
    }

    /// Releases the descriptor. EINTR is not retried: on Linux the descriptor is gone anyway.
    func close() {
        _ = Glibc.close(descriptor)
    }

    private func setOption(_ level: Int32, _ option: Int32, value: Int32, name: String) throws(SocketError) {
        var value = value
        try SystemCall.run("setsockopt(\(name))") {
            setsockopt(descriptor, level, option, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }
}
