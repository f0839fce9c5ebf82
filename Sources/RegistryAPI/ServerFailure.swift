import HTTPProtocol

/// A failure of the server rather than a refusal of the request (a database error, a bug). The
/// client gets the status, the code, a summary and the request id; only the log gets the cause,
/// which may carry SQLite's message or a path.
struct ServerFailure: Error, Sendable {
    var status: HTTPStatus
    var code: String
    var summary: String
    /// What went wrong, for the log line only.
    var cause: String

    init(status: HTTPStatus = .internalServerError, code: String = "internal", summary: String = "the server failed", cause: any Error) {
        self.status = status
        self.code = code
        self.summary = summary
        self.cause = String(describing: cause)
    }
}
