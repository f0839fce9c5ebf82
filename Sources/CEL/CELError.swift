/// A CEL evaluation error, carried as a value (`CELValue.error`) and absorbed by `&&`, `||`
/// and the comprehension macros as the CEL langdef "Evaluation" section describes.
public struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for the kind of error.
    public enum Code: String, Sendable, Hashable {
        case noSuchKey = "no_such_key"
        case noSuchField = "no_such_field"
        case noSuchOverload = "no_such_overload"
        case undeclaredReference = "undeclared_reference"
        case overflow = "overflow"
        case divideByZero = "divide_by_zero"
        case moduloByZero = "modulo_by_zero"
        case conversion = "invalid_conversion"
        case range = "out_of_range"
        case indexOutOfBounds = "index_out_of_bounds"
        case invalidArgument = "invalid_argument"
        case limitExceeded = "limit_exceeded"
    }

    /// What kind of error this is.
    public var code: Code
    /// What went wrong, naming the operation and the values involved.
    public var message: String
    /// 1-based line of the subexpression that failed, when known.
    public var line: Int?
    /// 1-based column of the subexpression that failed, when known.
    public var column: Int?

    /// An error with `code` and `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `line:column: code: message`, or `code: message` when the position is unknown.
    public var description: String {
        guard let line, let column else { return "\(code.rawValue): \(message)" }
        return "\(line):\(column): \(code.rawValue): \(message)"
    }

}

extension CELValue {
    /// The value, with the failing subexpression's position recorded if it is an error without one.
    @inline(__always)
    consuming func located(_ location: CELSource.Location) -> CELValue {
        guard case .error(var error) = self, error.line == nil else { return self }
        error.line = location.line
        error.column = location.column
        return .error(error)
    }
}
