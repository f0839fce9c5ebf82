import JSON

/// Every problem found in an OpenLineage event, each at a JSON Pointer, with a stable code.
public struct OpenLineageValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// Where, e.g. `/run/runId`.
        public var pointer: JSONPointer
        /// A stable code: `missing-field`, `wrong-type`, `invalid-value`, `unsupported-version`.
        public var code: String
        /// What is wrong and how to fix it.
        public var message: String

        public var description: String { "\(pointer.description.isEmpty ? "/" : pointer.description): \(code): \(message)" }
    }

    /// The problems in document order.
    public var issues: [Issue]

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
