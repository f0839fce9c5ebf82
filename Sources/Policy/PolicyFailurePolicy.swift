/// What an evaluation error in a policy's expressions means (`spec.failurePolicy`).
public enum PolicyFailurePolicy: String, Sendable, Hashable, CaseIterable {
    /// The error counts as a violation, its message naming the error.
    case fail = "Fail"
    /// The error is recorded and otherwise ignored.
    case ignore = "Ignore"
}
