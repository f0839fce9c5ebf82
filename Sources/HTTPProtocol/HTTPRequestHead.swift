/// The request line and header fields of one request, with the framing the parser derived.
public struct HTTPRequestHead: Sendable, Hashable {
    /// How the request body is delimited (RFC 9112 §6.3).
    public enum BodyFraming: Sendable, Hashable {
        case none
        case contentLength(Int)
        case chunked
    }

    public var method: HTTPMethod
    /// The request target exactly as received: origin-form, absolute-form or `*` (RFC 9112 §3.2).
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var bodyFraming: BodyFraming
    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// Whether the client waits for `100 Continue` before sending the body (RFC 9110 §10.1.1).
    public var expectsContinue: Bool

    public init(
        method: HTTPMethod,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        bodyFraming: BodyFraming = .none,
        keepAlive: Bool = true,
        expectsContinue: Bool = false
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.bodyFraming = bodyFraming
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }

    /// Whether a body follows the head.
    public var hasBody: Bool {
        switch bodyFraming {
        case .none: false
        case .contentLength(let length): length > 0
        case .chunked: true
        }
    }
}
