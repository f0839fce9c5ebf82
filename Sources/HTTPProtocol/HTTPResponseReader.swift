/// Reads a whole HTTP/1.1 response a client received on a connection the server then closed
/// (RFC 9112 §6.3): the status and the body, framed by `Content-Length`, chunked transfer
/// coding, or the end of the connection. Interim 1xx responses are skipped.
public enum HTTPResponseReader {
    /// Why the bytes are not a complete response.
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    public static func read(_ bytes: [UInt8]) throws(Failure) -> (status: Int, body: [UInt8]) {
        var start = 0
        while true {
            guard let headEnd = bytes[start...].firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure(reason: "the answer ended before its headers did") }
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
            let body = Array(bytes[headEnd.upperBound...])
            if headers["transfer-encoding"]?.contains("chunked") == true { return (status, try dechunk(body)) }
            guard let lengthText = headers["content-length"] else { return (status, body) }
            guard let length = Int(lengthText) else { throw Failure(reason: "the answer's Content-Length '\(lengthText)' is not a number") }
            guard body.count >= length else { throw Failure(reason: "the answer ended after \(body.count) of \(length) bytes") }
            return (status, Array(body[..<length]))
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
