import FoundationEssentials
import HTTPProtocol

/// One HTTP/1.1 exchange per connection (`Connection: close`), blocking, for the CLI's remote
/// mode: plain TCP or TLS through libssl, no redirects followed, the answer bounded in size and
/// read within one deadline. `HTTPClientSession` keeps the connection for more requests.
public enum HTTPClient {
    /// Sends `request` and returns the answer. `addresses`, when given, are the only ones
    /// connected to (a webhook's checked addresses, so a changed DNS answer cannot redirect it);
    /// otherwise the URL's host is resolved here.
    public static func send(_ request: HTTPClientRequest, timeout: Double, addresses: [IPAddress]? = nil,
                            maximumResponseBytes: Int = 256 << 20) throws(HTTPClientError) -> HTTPClientResponse {
        let session = HTTPClientSession(timeout: timeout, addresses: addresses, maximumResponseBytes: maximumResponseBytes, keepsAlive: false)
        return try session.send(request)
    }

    /// The request line and header fields; a name or value that could split the head is refused.
    static func head(_ request: HTTPClientRequest, host: String, port: Int, isEncrypted: Bool, target: String,
                     keepAlive: Bool = false) throws(HTTPClientError) -> [UInt8] {
        let name = host.contains(":") ? "[\(host)]" : host
        let hostField = port == (isEncrypted ? 443 : 80) ? name : "\(name):\(port)"
        var head = "\(request.method) \(target) HTTP/1.1\r\nHost: \(hostField)\r\n\(keepAlive ? "" : "Connection: close\r\n")Content-Length: \(request.body.count)\r\n"
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

/// Requests sent one after another over one connection that stays open between them (HTTP/1.1
/// persistent connections, RFC 9112 §9.3), for a batch of webhook deliveries to one receiver:
/// one TCP (and TLS) handshake for the batch instead of one per request. A new connection is
/// opened when the origin changes or the server closed the last one. Not for concurrent use.
public final class HTTPClientSession {
    private let timeout: Double
    private let addresses: [IPAddress]?
    private let maximumResponseBytes: Int
    private let keepsAlive: Bool
    private var open: (stream: any ByteStream, origin: String)?

    public init(timeout: Double, addresses: [IPAddress]? = nil, maximumResponseBytes: Int = 256 << 20, keepsAlive: Bool = true) {
        self.timeout = timeout
        self.addresses = addresses
        self.maximumResponseBytes = maximumResponseBytes
        self.keepsAlive = keepsAlive
    }

    /// Sends `request` and returns the answer, on the open connection when it goes to the same
    /// origin. When the server had closed that connection before answering anything (an idle
    /// timeout racing the request), the request goes once more on a new connection.
    public func send(_ request: HTTPClientRequest) throws(HTTPClientError) -> HTTPClientResponse {
        let endpoint = try request.endpoint()
        let origin = "\(endpoint.isEncrypted ? "https" : "http")://\(endpoint.host):\(endpoint.port)"
        let bytes = try HTTPClient.head(request, host: endpoint.host, port: endpoint.port, isEncrypted: endpoint.isEncrypted,
                                        target: endpoint.target, keepAlive: keepsAlive) + request.body
        let deadline = Date(timeIntervalSinceNow: timeout)
        if let kept = open, kept.origin == origin {
            open = nil
            switch try exchange(bytes, on: kept.stream, deadline: deadline, reused: true) {
            case .answered(let response, let reusable):
                if reusable { open = kept }
                return response
            case .closedBeforeAnswering:
                break
            }
        }
        open = nil
        let candidates = if let addresses { addresses } else { try IPAddress.resolve(endpoint.host) }
        let socket = try TCPConnection.connect(to: candidates, port: endpoint.port, timeout: timeout)
        let stream: any ByteStream = endpoint.isEncrypted ? try TLSConnection(over: socket, host: endpoint.host) : socket
        switch try exchange(bytes, on: stream, deadline: deadline, reused: false) {
        case .answered(let response, let reusable):
            if reusable && keepsAlive { open = (stream, origin) }
            return response
        case .closedBeforeAnswering:
            throw HTTPClientError("the server closed the connection without answering")
        }
    }

    /// Drops the open connection, if any.
    public func close() {
        open = nil
    }

    private enum Exchange {
        case answered(HTTPClientResponse, reusable: Bool)
        case closedBeforeAnswering
    }

    /// Writes one request and reads its answer: up to where its framing says it ends, or to the
    /// end of the connection. On a `reused` connection, a break before any answer byte means the
    /// server had closed it.
    private func exchange(_ bytes: [UInt8], on stream: any ByteStream, deadline: Date, reused: Bool) throws(HTTPClientError) -> Exchange {
        var received: [UInt8] = []
        do {
            try stream.write(bytes)
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = try stream.read(into: &buffer)
                if count == 0 {
                    if received.isEmpty { return .closedBeforeAnswering }
                    break
                }
                received += buffer[..<count]
                guard received.count <= maximumResponseBytes else {
                    throw HTTPClientError("the answer is larger than \(maximumResponseBytes) bytes")
                }
                if case .complete(let length, let reusable) = try HTTPResponseReader.framing(received) {
                    let response = try HTTPResponseReader.read(Array(received[..<length]))
                    return .answered(HTTPClientResponse(status: response.status, body: response.body), reusable: reusable && received.count == length)
                }
                guard Date() < deadline else { throw HTTPClientError("no complete answer within \(Int(timeout)) s", isTimeout: true) }
            }
            let response = try HTTPResponseReader.read(received)
            return .answered(HTTPClientResponse(status: response.status, body: response.body), reusable: false)
        } catch let failure as HTTPResponseReader.Failure {
            throw HTTPClientError(failure.reason)
        } catch let error as HTTPClientError {
            if received.isEmpty && !error.isTimeout && reused { return .closedBeforeAnswering }
            throw error
        } catch {
            throw HTTPClientError("\(error)")
        }
    }
}
