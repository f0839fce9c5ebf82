/// Why a request got no HTTP answer: the name did not resolve, nothing answered, the certificate
/// was refused, the answer was cut short or too large. The text names the system's reason.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
