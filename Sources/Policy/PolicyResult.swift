import JSON

/// What one policy concluded in a decision.
public struct PolicyResult: Sendable, Hashable {
    /// How the policy ended.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Every validation held.
        case passed
        /// At least one validation failed, or an error counted as a failure (failurePolicy Fail).
        case violated
        /// A match condition was false: the policy does not apply.
        case skipped
        /// Evaluation errors were ignored (failurePolicy Ignore) and nothing else failed.
        case errorIgnored = "error-ignored"
    }

    /// The policy's name.
    public var name: String
    /// The policy's digest, so a decision names the exact policy text it applied.
    public var digest: String
    /// How the policy ended.
    public var outcome: Outcome
    /// The failed validations, and errors under failurePolicy Fail.
    public var violations: [PolicyViolation]
    /// The evaluation errors ignored under failurePolicy Ignore.
    public var ignoredErrors: [String]
    /// The names of the variables computed, in order (each at most once).
    let evaluatedVariables: [String]

    /// `{name, digest, outcome, violations, ignoredErrors?}`.
    public var json: JSONValue {
        var object: JSONObject = ["name": .string(name), "digest": .string(digest), "outcome": .string(outcome.rawValue),
                                  "violations": .array(violations.map(\.json))]
        if !ignoredErrors.isEmpty { object["ignoredErrors"] = .array(ignoredErrors.map(JSONValue.string)) }
        return .object(object)
    }
}
