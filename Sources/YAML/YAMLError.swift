/// A YAML document that could not be read, with the 1-based line and column of the problem.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable categories of failure, for callers that branch on the kind of problem.
    public enum Code: String, Sendable, Hashable {
        /// The bytes are not valid UTF-8 or contain control characters.
        case invalidEncoding = "yaml.encoding"
        /// The text breaks YAML syntax (YAML 1.2 chapters 6–9).
        case syntax = "yaml.syntax"
        /// A tab is used where YAML requires spaces for indentation (YAML 1.2 §6.1).
        case tabIndentation = "yaml.tab-indentation"
        /// A mapping repeats a key (YAML 1.2 §3.2.1.1 requires unique keys).
        case duplicateKey = "yaml.duplicate-key"
        /// Valid YAML this reader deliberately refuses: tags, directives, several documents, complex keys, merge keys.
        case unsupported = "yaml.unsupported"
        /// An alias names an anchor that was not defined before it.
        case undefinedAlias = "yaml.undefined-alias"
        /// A size, depth, scalar length or alias expansion limit was exceeded.
        case limitExceeded = "yaml.limit"
    }

    /// The kind of problem, stable across releases.
    public var code: Code
    /// The line of the problem, starting at 1.
    public var line: Int
    /// The column of the problem in Unicode scalars, starting at 1.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// An error at a 1-based line and column.
    public init(code: Code, line: Int, column: Int, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }

    /// The location of the problem as a value.
    public var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// "line:column: message".
    public var description: String { "\(line):\(column): \(message)" }
}
