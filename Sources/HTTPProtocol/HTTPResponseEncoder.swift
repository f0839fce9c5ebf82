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
        append("HTTP/1.1 ", to: &output)
        appendDecimal(response.status.code, to: &output)
        output.append(UInt8(ascii: " "))
        append(response.status.reasonPhrase, to: &output)
        append("\r\n", to: &output)
        for field in response.headers where !isFramingField(field.name) {
            append(field.name, to: &output)
            append(": ", to: &output)
            append(field.value, to: &output)
            append("\r\n", to: &output)
        }
        if let date {
            append("Date: ", to: &output)
            append(date, to: &output)
            append("\r\n", to: &output)
        }
        if closesConnection {
            append("Connection: close\r\n", to: &output)
        } else if let head, !head.version.isAtLeastHTTP1_1 {
            append("Connection: keep-alive\r\n", to: &output)
        }
        let sendsBody = !response.status.forbidsContent && head?.method != .head
        if !response.status.forbidsContent {
            append("Content-Length: ", to: &output)
            appendDecimal(response.body.count, to: &output)
            append("\r\n", to: &output)
        }
        append("\r\n", to: &output)
        if sendsBody {
            output.append(contentsOf: response.body)
        }
        return output
    }

    private static func isFramingField(_ name: String) -> Bool {
        HTTPHeaders.namesMatch(name, "content-length") || HTTPHeaders.namesMatch(name, "transfer-encoding")
            || HTTPHeaders.namesMatch(name, "connection") || HTTPHeaders.namesMatch(name, "date")
    }

    private static func append(_ text: String, to output: inout [UInt8]) {
        output.appendUTF8(text)
    }

    /// The digits of a number that is not negative (a status code, a length).
    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
