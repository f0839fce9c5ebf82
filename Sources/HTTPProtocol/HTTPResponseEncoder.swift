/// Serialises responses for HTTP/1.1 (RFC 9112 §4, §6.3), owning the framing header fields.
///
/// The encoder sets `Content-Length` itself (any value in the response is replaced), drops
/// `Transfer-Encoding`, writes `Connection: close` when the connection will close and
/// `Connection: keep-alive` when an HTTP/1.0 client asked to keep it open, and omits the body
/// of a response to HEAD while still announcing its length (RFC 9110 §9.3.2).
public enum HTTPResponseEncoder {
    /// The interim response sent before reading a body the client holds back (RFC 9110 §10.1.1).
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Encodes a response to a request with the given head (nil when the head was never parsed).
    public static func encode(
        _ response: HTTPResponse,
        respondingTo head: HTTPRequestHead?,
        closesConnection: Bool,
        date: String? = nil
    ) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128 + response.headers.count * 32 + response.body.count)
        // Written piece by piece: interpolated strings longer than 15 bytes would each allocate.
        output.appendUTF8("HTTP/1.1 ")
        output.appendDecimal(response.status.code)
        output.append(UInt8(ascii: " "))
        output.appendUTF8(response.status.reasonPhrase)
        output.appendUTF8("\r\n")
        for field in response.headers where !isFramingField(field.name) {
            output.appendUTF8(field.name)
            output.appendUTF8(": ")
            output.appendUTF8(field.value)
            output.appendUTF8("\r\n")
        }
        if let date {
            output.appendUTF8("Date: ")
            output.appendUTF8(date)
            output.appendUTF8("\r\n")
        }
        if closesConnection {
            output.appendUTF8("Connection: close\r\n")
        } else if let head, !head.version.isAtLeastHTTP1_1 {
            output.appendUTF8("Connection: keep-alive\r\n")
        }
        let sendsBody = !response.status.forbidsContent && head?.method != .head
        if !response.status.forbidsContent {
            output.appendUTF8("Content-Length: ")
            output.appendDecimal(response.body.count)
            output.appendUTF8("\r\n")
        }
        output.appendUTF8("\r\n")
        if sendsBody {
            output.append(contentsOf: response.body)
        }
        return output
    }

    private static func isFramingField(_ name: String) -> Bool {
        HTTPHeaders.namesMatch(name, "content-length") || HTTPHeaders.namesMatch(name, "transfer-encoding")
            || HTTPHeaders.namesMatch(name, "connection") || HTTPHeaders.namesMatch(name, "date")
    }
}
