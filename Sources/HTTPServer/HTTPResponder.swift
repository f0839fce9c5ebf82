import HTTPProtocol

/// Answers one complete request; called on the connection's own thread, so it may block.
public protocol HTTPResponder: Sendable {
    /// Produces the response; the server adds the framing fields (`Content-Length`, `Connection`).
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A responder made from a closure, for small servers and tests.
public struct HTTPClosureResponder: HTTPResponder {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        body(request)
    }
}
