import HTTPProtocol

/// Answers one complete request; called on a worker thread, so it may block (docs/ARCHITECTURE.md, "Event loops").
public protocol HTTPResponder: Sendable {
    /// Produces the response; the server adds the framing fields (`Content-Length`, `Connection`).
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Whether answering may block for long on purpose (a long poll): such requests run on a
    /// pool of their own, so they cannot take every worker from ordinary requests.
    func mayWaitLong(_ request: HTTPRequest) -> Bool
}

extension HTTPResponder {
    public func mayWaitLong(_ request: HTTPRequest) -> Bool { false }
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
