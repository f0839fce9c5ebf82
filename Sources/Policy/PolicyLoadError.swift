/// One problem in a policy or fixture file, at `file:line:column`, saying what is wrong and how to fix it.
public struct PolicyLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for the kind of problem.
    public enum Code: String, Sendable, Hashable {
        case yamlSyntax = "yaml_syntax"
        case unknownKey = "unknown_key"
        case missingKey = "missing_key"
        case wrongType = "wrong_type"
        case invalidValue = "invalid_value"
        case unknownEvent = "unknown_event"
        case conflictingActions = "conflicting_actions"
        case duplicateName = "duplicate_name"
        case celCompile = "cel_compile"
        case unknownVariable = "unknown_variable"
        case duplicatePolicy = "duplicate_policy"
        case unknownPolicy = "unknown_policy"
    }

    /// What kind of problem this is.
    public var code: Code
    /// The path the caller gave for the file.
    public var file: String
    /// 1-based line in the file.
    public var line: Int
    /// 1-based column in the file.
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// A problem at `file:line:column`.
    public init(_ code: Code, file: String, line: Int, column: Int, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, as compilers print it.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
