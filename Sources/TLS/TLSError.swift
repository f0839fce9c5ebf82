/// Why TLS could not be set up or a TLS session failed, in words for the operator.
public struct TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
