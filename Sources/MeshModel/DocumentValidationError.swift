/// A document that breaks its standard's rules, with every problem found, in document order.
public struct DocumentValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// All problems, in document order (missing fields after their siblings).
    public var issues: [ValidationIssue]

    /// Creates an error from issues.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
