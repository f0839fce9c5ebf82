/// Why a request got no HTTP answer: the name did not resolve, nothing answered, the certificate
/// was refused, the answer was cut short or too large. The text names the system's reason.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    /// The peer did not answer in time (rather than refusing or breaking the connection).
    public var isTimeout: Bool

    public init(_ description: String, isTimeout: Bool = false) {
        self.description = description
        self.isTimeout = isTimeout
    }
}
