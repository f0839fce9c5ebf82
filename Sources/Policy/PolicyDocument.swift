import Crypto
import JSON

/// A `kind: Policy` document, in the shape of a Kubernetes ValidatingAdmissionPolicy
/// with the binding (`spec.events`) inside. See docs/ARCHITECTURE.md, "Policies".
public struct PolicyDocument: Sendable, Hashable {
    /// A condition that must hold for the policy to apply.
    public struct MatchCondition: Sendable, Hashable {
        /// Unique within the policy; names the condition in error messages.
        public var name: String
        /// CEL, evaluating to bool.
        public var expression: String
    }

    /// A named expression, evaluated at most once per decision and read as `variables.<name>`.
    public struct Variable: Sendable, Hashable {
        /// A CEL identifier, unique within the policy.
        public var name: String
        /// CEL, of any type; may read the variables declared before it.
        public var expression: String
    }

    /// A rule: `expression` false means a violation.
    public struct Validation: Sendable, Hashable {
        /// CEL, evaluating to bool.
        public var expression: String
        /// The violation message; defaults to the failed expression.
        public var message: String?
        /// A CEL expression for the message; used when it evaluates to a non-empty string.
        public var messageExpression: String?
        /// A machine-readable reason carried into the violation (e.g. `Invalid`, `Forbidden`).
        public var reason: String?
        /// The JSON Pointer into the evaluated document that the violation is about.
        public var path: JSONPointer?
    }

    /// The policy id (`metadata.name`).
    public var name: String
    /// What the policy is for (`metadata.description`).
    public var description: String
    /// The events the policy is evaluated on.
    public var events: [PolicyEvent]
    /// All must hold for the policy to apply; none means it always applies.
    public var matchConditions: [MatchCondition]
    /// Named expressions shared by the other expressions, computed lazily.
    public var variables: [Variable]
    /// The rules; at least one.
    public var validations: [Validation]
    /// How violations count; never both Deny and Warn.
    public var validationActions: [PolicyValidationAction]
    /// What an evaluation error means; Fail by default.
    public var failurePolicy: PolicyFailurePolicy

    /// The document as canonical JSON, defaults filled in, as hashed for `digest`.
    public var json: JSONValue {
        let validationsJSON: [JSONValue] = validations.map { validation in
            var object: JSONObject = ["expression": .string(validation.expression)]
            object["message"] = validation.message.map(JSONValue.string)
            object["messageExpression"] = validation.messageExpression.map(JSONValue.string)
            object["reason"] = validation.reason.map(JSONValue.string)
            object["path"] = validation.path.map { .string($0.description) }
            return .object(object)
        }
        return [
            "apiVersion": "meshreg/v1",
            "kind": "Policy",
            "metadata": ["name": .string(name), "description": .string(description)],
            "spec": [
                "events": .array(events.map { .string($0.rawValue) }),
                "matchConditions": .array(matchConditions.map { ["name": .string($0.name), "expression": .string($0.expression)] }),
                "variables": .array(variables.map { ["name": .string($0.name), "expression": .string($0.expression)] }),
                "validations": .array(validationsJSON),
                "validationActions": .array(validationActions.map { .string($0.rawValue) }),
                "failurePolicy": .string(failurePolicy.rawValue),
            ],
        ]
    }

    /// SHA-256 (hex) of the canonical JSON: changes with any change that can change a decision.
    public var digest: String { SHA256.hexDigest(json.canonicalBytes) }

    /// The severity of this policy's violations: the strongest of its actions.
    public var severity: PolicySeverity {
        if validationActions.contains(.deny) { return .deny }
        if validationActions.contains(.warn) { return .warn }
        return .audit
    }
}
