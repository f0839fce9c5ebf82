import HTTPProtocol

/// Answers one complete request on a worker thread, where it may block, unless it can answer
/// from memory on the event loop itself (docs/ARCHITECTURE.md, "Answers made on the loop").
public protocol HTTPResponder: Sendable {
    /// Produces the response on a worker thread; the server adds the framing fields
    /// (`Content-Length`, `Connection`).
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// The response when it can be made at once from memory, called on the event loop before any
    /// hand-off to a worker: it must take no lock a blocking call may hold, touch no database,
    /// file or network, and give the same answer (and side effects) `respond(to:)` would.
    /// Nil hands the request to a worker as usual.
    func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse?

    /// Whether answering may block for long on purpose (a long poll): such requests run on a
    /// pool of their own, so they cannot take every worker from ordinary requests.
    func mayWaitLong(_ request: HTTPRequest) -> Bool
}

extension HTTPResponder {
    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? { nil }

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
