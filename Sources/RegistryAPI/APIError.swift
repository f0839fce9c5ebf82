import HTTPProtocol

/// An HTTP-level refusal raised by a handler (a bad query parameter, an unsupported media type).
/// Registry refusals travel as `RegistryError` and are mapped in one place, `ProblemResponse`.
public struct APIError: Error, Sendable {
    public var status: HTTPStatus
    public var code: String
    public var message: String

    public init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }
}
