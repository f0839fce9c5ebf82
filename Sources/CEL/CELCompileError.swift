/// Why a CEL expression could not be compiled: a syntax error, an exceeded limit, or a type
/// check failure, with the 1-based line and column of the offending token.
public struct CELCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for the kind of failure.
    public enum Code: String, Sendable, Hashable {
        case syntax = "syntax"
        case limitExceeded = "limit_exceeded"
        case undeclaredReference = "undeclared_reference"
        case unknownFunction = "unknown_function"
        case wrongArgumentCount = "wrong_argument_count"
        case typeMismatch = "type_mismatch"
        case invalidRegex = "invalid_regex"
    }

    /// What kind of failure this is.
    public var code: Code
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column, in Unicode scalars, of the offending token.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// An error at `line`:`column`.
    public init(_ code: Code, line: Int, column: Int, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
