/// What a violation of a policy does (as ValidatingAdmissionPolicyBinding `validationActions`).
public enum PolicyValidationAction: String, Sendable, Hashable, CaseIterable {
    /// The write is rejected.
    case deny = "Deny"
    /// The write is accepted and the violation returned as a warning.
    case warn = "Warn"
    /// The violation is only recorded.
    case audit = "Audit"
}
