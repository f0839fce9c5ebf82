#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as the test client read it off the wire.
public struct ReceivedResponse: Sendable {
    public var status: Int
    /// Field names lower-cased.
    public var headers: [String: String]
    public var body: String
}

/// A raw TCP client for tests of our HTTP server: writes bytes, reads responses, watches for close.
public final class TestClient {
    public let descriptor: Int32
    private var buffered: [UInt8] = []

    public init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            let error = ConnectError(errorNumber: errno)
            close(descriptor)
            throw error
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    public func write(_ text: String) {
        write(Array(text.utf8))
    }

    public func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Ends the connection from the client's side (the descriptor is closed on deinit).
    public func disconnect() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Whether the server has sent something (or closed) within the time given.
    public func hasDataToRead(within milliseconds: Int32) -> Bool {
        if !buffered.isEmpty { return true }
        var descriptorToPoll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptorToPoll, 1, milliseconds) > 0
    }

    /// Reads one response (interim 1xx responses included); nil when the connection ends first.
    ///
    /// A response to HEAD announces a length but carries no body, so the caller says which it is.
    public func readResponse(toHEAD: Bool = false) -> ReceivedResponse? {
        guard let headEnd = readUntil({ $0.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound }) else { return nil }
        let headText = String(decoding: buffered[..<headEnd], as: UTF8.self)
        buffered.removeFirst(headEnd)
        var lines = headText.split(separator: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts.count > 1 ? parts[1].trimmingPrefix(" ").description : ""
        }
        let length = toHEAD ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        guard readUntil({ $0.count >= length ? length : nil }) != nil else { return nil }
        let body = String(decoding: buffered[..<length], as: UTF8.self)
        buffered.removeFirst(length)
        return ReceivedResponse(status: status, headers: headers, body: body)
    }

    /// Whether the server closes the connection (end of stream, or a reset) within the time given.
    public func isClosedByServer(within milliseconds: Int32) -> Bool {
        guard buffered.isEmpty, hasDataToRead(within: milliseconds) else { return false }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) <= 0
    }

    private func readUntil(_ found: ([UInt8]) -> Int?) -> Int? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let position = found(buffered) { return position }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffered += chunk[..<count]
        }
    }
}


/// `connect(2)` failed, e.g. nothing listens on the port.
public struct ConnectError: Error, Sendable {
    public var errorNumber: Int32
}

extension TestClient {
    /// One request on a fresh connection (`Connection: close`), returning the response.
    public static func request(port: Int, _ method: String, _ path: String, headers: [(String, String)] = [], body: String = "") throws -> ReceivedResponse? {
        let client = try TestClient(port: port)
        let fields = ([("Host", "127.0.0.1"), ("Connection", "close"), ("Content-Length", String(body.utf8.count))] + headers)
            .map { "\($0.0): \($0.1)\r\n" }.joined()
        client.write("\(method) \(path) HTTP/1.1\r\n\(fields)\r\n\(body)")
        return client.readResponse(toHEAD: method == "HEAD")
    }
}
