import JSON

/// One problem found in a document: where it is, a stable code, and how to fix it.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, e.g. `/outputPorts/0/version`.
    public var pointer: JSONPointer
    /// A stable code such as `missing-field`; see ``ValidationIssue/Code``.
    public var code: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an issue.
    public init(pointer: JSONPointer, code: String, message: String) {
        self.pointer = pointer
        self.code = code
        self.message = message
    }

    /// `pointer: message [code]`, with `(root)` for the whole document.
    public var description: String {
        let location = pointer.tokens.isEmpty ? "(root)" : pointer.description
        return "\(location): \(message) [\(code)]"
    }

    /// The stable issue codes this module reports.
    public enum Code {
        /// A required field is absent (or, for registry rules, empty).
        public static let missingField = "missing-field"
        /// A field has the wrong JSON type.
        public static let wrongType = "wrong-type"
        /// A key the standard does not define.
        public static let unknownField = "unknown-field"
        /// An identifier does not match ``ResourceIdentifier/pattern``.
        public static let invalidId = "invalid-id"
        /// A version is not SemVer 2.0.0.
        public static let invalidSemver = "invalid-semver"
        /// A status is not one of ``LifecycleStatus``.
        public static let invalidStatus = "invalid-status"
        /// A value outside the allowed set.
        public static let invalidValue = "invalid-value"
        /// A name that must be unique appears twice.
        public static let duplicate = "duplicate"
        /// A team has no member whose role is `owner`.
        public static let missingOwner = "missing-owner"
        /// A field a later version of the standard added, in a document declaring an earlier one.
        public static let newerVersionField = "field-needs-newer-version"
        /// Nesting deeper than the model reads.
        public static let tooDeep = "too-deep"
    }
}
