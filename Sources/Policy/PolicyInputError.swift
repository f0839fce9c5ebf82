import JSON

/// An input that cannot be bound: a member that is no variable, or not an object at all.
public struct PolicyInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the input the problem is.
    public var pointer: JSONPointer
    /// What is wrong and how to fix it.
    public var message: String

    /// An error at `pointer`.
    public init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "\(pointer.description.isEmpty ? "/" : pointer.description): \(message)" }
}
