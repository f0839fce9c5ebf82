/// Why a `.proto` schema was refused, and where: 1-based line and column in the text.
public struct ProtobufSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable error codes.
    public enum Code: String, Sendable, Hashable {
        /// A character, string or number the language does not allow.
        case invalidToken = "protobuf.invalid-token"
        /// The tokens do not follow the grammar.
        case syntax = "protobuf.syntax"
        /// A type name resolves to nothing in the file, its imports or the well-known types.
        case unknownType = "protobuf.unknown-type"
        /// A name or field number is used twice, or a number is reserved or out of range.
        case invalidDefinition = "protobuf.invalid-definition"
        /// An import names a file that was not given and is not a well-known type.
        case unknownImport = "protobuf.unknown-import"
        /// The text is larger, deeper or has more definitions than the limits allow.
        case limitExceeded = "protobuf.limit-exceeded"
    }

    /// The stable code.
    public var code: Code
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    public init(_ code: Code, at position: ProtobufPosition, _ message: String) {
        self.code = code
        self.line = position.line
        self.column = position.column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// A place in `.proto` text, 1-based.
public struct ProtobufPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
