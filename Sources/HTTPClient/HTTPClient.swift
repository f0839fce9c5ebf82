import FoundationEssentials
import HTTPProtocol

/// One HTTP/1.1 exchange per connection (`Connection: close`), blocking, for the CLI's remote
/// mode and webhook deliveries: plain TCP or TLS through libssl, no redirects followed, the
/// answer bounded in size and read within one deadline.
public enum HTTPClient {
    /// Sends `request` and returns the answer. `addresses`, when given, are the only ones
    /// connected to (a webhook's checked addresses, so a changed DNS answer cannot redirect it);
    /// otherwise the URL's host is resolved here.
    public static func send(_ request: HTTPClientRequest, timeout: Double, addresses: [IPAddress]? = nil,
                            maximumResponseBytes: Int = 256 << 20) throws(HTTPClientError) -> HTTPClientResponse {
        let endpoint = try request.endpoint()
        let head = try Self.head(request, host: endpoint.host, port: endpoint.port, isEncrypted: endpoint.isEncrypted, target: endpoint.target)
        let deadline = Date(timeIntervalSinceNow: timeout)
        let candidates = if let addresses { addresses } else { try IPAddress.resolve(endpoint.host) }
        let socket = try TCPConnection.connect(to: candidates, port: endpoint.port, timeout: timeout)
        let stream: any ByteStream
        if endpoint.isEncrypted {
            stream = try TLSConnection(over: socket, host: endpoint.host)
        } else {
            stream = socket
        }
        try stream.write(head + request.body)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = try stream.read(into: &buffer)
            if count == 0 { break }
            received += buffer[..<count]
            guard received.count <= maximumResponseBytes else {
                throw HTTPClientError("the answer is larger than \(maximumResponseBytes) bytes")
            }
            guard Date() < deadline else { throw HTTPClientError("no complete answer within \(Int(timeout)) s", isTimeout: true) }
        }
        do {
            let response = try HTTPResponseReader.read(received)
            return HTTPClientResponse(status: response.status, body: response.body)
        } catch {
            throw HTTPClientError(error.reason)
        }
    }

    /// The request line and header fields; a name or value that could split the head is refused.
    static func head(_ request: HTTPClientRequest, host: String, port: Int, isEncrypted: Bool, target: String) throws(HTTPClientError) -> [UInt8] {
        let name = host.contains(":") ? "[\(host)]" : host
        let hostField = port == (isEncrypted ? 443 : 80) ? name : "\(name):\(port)"
        var head = "\(request.method) \(target) HTTP/1.1\r\nHost: \(hostField)\r\nConnection: close\r\nContent-Length: \(request.body.count)\r\n"
        for (field, value) in request.headers {
            // Over bytes: "\r\n" is one Character, which a Character comparison with "\r" would miss.
            guard !field.isEmpty, !(field + value).utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }), !field.contains(":") else {
                throw HTTPClientError("the header \(field.debugDescription) cannot be sent: names and values may not hold line breaks")
            }
            head += "\(field): \(value)\r\n"
        }
        return Array((head + "\r\n").utf8)
    }
}
