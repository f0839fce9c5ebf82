/// A command line the command cannot accept; the message says what to type instead.
public struct ArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
