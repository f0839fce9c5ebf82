/// Reads a whole HTTP/1.1 response a client received (RFC 9112 §6.3): the status and the body,
/// framed by `Content-Length`, chunked transfer coding, or the end of the connection. Interim
/// 1xx responses are skipped. `framing` says where a response ends while the connection stays
/// open, so a client can send the next request on it.
public enum HTTPResponseReader {
    /// Where the first final response in the bytes received so far ends.
    public enum Framing: Sendable, Equatable {
        /// More bytes are needed to know.
        case incomplete
        /// The response is the first `length` bytes; `reusable` when the server keeps the
        /// connection open for another request.
        case complete(length: Int, reusable: Bool)
        /// Neither a length nor chunks: the response ends when the server closes the connection.
        case untilClose
    }
    /// Why the bytes are not a complete response.
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    public static func read(_ bytes: [UInt8]) throws(Failure) -> (status: Int, body: [UInt8]) {
        guard let head = try finalHead(bytes) else { throw Failure(reason: "the answer ended before its headers did") }
        let body = Array(bytes[head.bodyStart...])
        if head.isChunked { return (head.status, try dechunk(body)) }
        guard let length = try head.contentLength() else { return (head.status, body) }
        guard body.count >= length else { throw Failure(reason: "the answer ended after \(body.count) of \(length) bytes") }
        return (head.status, Array(body[..<length]))
    }

    public static func framing(_ bytes: [UInt8]) throws(Failure) -> Framing {
        guard let head = try finalHead(bytes) else { return .incomplete }
        if head.status == 204 || head.status == 304 { return .complete(length: head.bodyStart, reusable: head.isReusable) }
        if head.isChunked {
            return try chunkedEnd(bytes, from: head.bodyStart).map { .complete(length: $0, reusable: head.isReusable) } ?? .incomplete
        }
        guard let length = try head.contentLength() else { return .untilClose }
        return bytes.count - head.bodyStart >= length ? .complete(length: head.bodyStart + length, reusable: head.isReusable) : .incomplete
    }

    /// A final response's status line and header fields (names lower-cased).
    private struct Head {
        var status: Int
        var isHTTP11: Bool
        var headers: [String: String]
        var bodyStart: Int

        var isChunked: Bool { headers["transfer-encoding"]?.contains("chunked") == true }
        var isReusable: Bool { isHTTP11 && headers["connection"]?.contains("close") != true }

        func contentLength() throws(Failure) -> Int? {
            guard let text = headers["content-length"] else { return nil }
            guard let length = Int(text), length >= 0 else { throw Failure(reason: "the answer's Content-Length '\(text)' is not a number") }
            return length
        }
    }

    /// The head of the first final (not 1xx) response, or nil when the bytes stop before its end.
    private static func finalHead(_ bytes: [UInt8]) throws(Failure) -> Head? {
        var start = 0
        while true {
            guard let headEnd = bytes[start...].firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
            let lines = String(decoding: bytes[start..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n")
            guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1."), let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
                throw Failure(reason: "the answer is not HTTP/1.1")
            }
            if (100..<200).contains(status) {
                start = headEnd.upperBound
                continue
            }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingOptionalWhitespace.lowercased() }
            }
            return Head(status: status, isHTTP11: statusLine.hasPrefix("HTTP/1.1"), headers: headers, bodyStart: headEnd.upperBound)
        }
    }

    /// The end of a chunked body starting at `offset` (after the last chunk and the trailer
    /// fields), or nil when the bytes stop before it.
    private static func chunkedEnd(_ bytes: [UInt8], from offset: Int) throws(Failure) -> Int? {
        var offset = offset
        while true {
            guard let lineEnd = bytes[offset...].firstRange(of: Array("\r\n".utf8)) else { return nil }
            guard let size = Int(String(decoding: bytes[offset..<lineEnd.lowerBound], as: UTF8.self).prefix { $0 != ";" }, radix: 16), size >= 0 else {
                throw Failure(reason: "the chunked answer is malformed")
            }
            if size == 0 {
                // Trailer fields, then an empty line.
                var fieldStart = lineEnd.upperBound
                while true {
                    guard let fieldEnd = bytes[fieldStart...].firstRange(of: Array("\r\n".utf8)) else { return nil }
                    if fieldEnd.lowerBound == fieldStart { return fieldEnd.upperBound }
                    fieldStart = fieldEnd.upperBound
                }
            }
            offset = lineEnd.upperBound + size + 2
            guard offset <= bytes.count else { return nil }
        }
    }

    private static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var body: [UInt8] = []
        var offset = 0
        while true {
            guard let lineEnd = bytes[offset...].firstRange(of: Array("\r\n".utf8)),
                let size = Int(String(decoding: bytes[offset..<lineEnd.lowerBound], as: UTF8.self).prefix { $0 != ";" }, radix: 16),
                size >= 0, lineEnd.upperBound + size <= bytes.count
            else { throw Failure(reason: "the chunked answer is cut short or malformed") }
            if size == 0 { return body }
            body += bytes[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            offset = lineEnd.upperBound + size + 2
            guard offset <= bytes.count else { throw Failure(reason: "the chunked answer is cut short or malformed") }
        }
    }
}
