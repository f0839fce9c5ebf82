/// A 1-based line and column (counted in Unicode scalars) in a YAML source.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The line, starting at 1.
    public var line: Int
    /// The column in Unicode scalars, starting at 1.
    public var column: Int

    /// A location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// "line:column", the form editors and compilers use.
    public var description: String { "\(line):\(column)" }
}
