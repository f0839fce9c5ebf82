/// A response to send: status, header fields and the whole body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// How long the server holds the response before sending it (throttling a client). The
    /// wait is a timer on the connection: no thread sleeps through it.
    public var delay: Duration

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], delay: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// A response with a UTF-8 text body and its Content-Type.
    public init(status: HTTPStatus, contentType: String = "text/plain; charset=utf-8", text: String) {
        self.init(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(text.utf8))
    }

    /// The plain-text answer to a request the parser refused.
    public init(error: HTTPParseError) {
        self.init(status: error.status, text: error.reason + "\n")
    }
}
