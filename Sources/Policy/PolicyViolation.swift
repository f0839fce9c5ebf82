import JSON

/// One failed validation: an entry of a refusal's `violations`, `{policy, severity, path, message}`.
public struct PolicyViolation: Sendable, Hashable {
    /// The policy's name.
    public var policy: String
    /// From the policy's validation actions: deny, warn or audit.
    public var severity: PolicySeverity
    /// Where in the evaluated document the problem is, when the validation names a `path`.
    public var path: JSONPointer?
    /// The validation's `reason`, when it sets one.
    public var reason: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// A violation of `policy`.
    public init(policy: String, severity: PolicySeverity, path: JSONPointer? = nil, reason: String? = nil, message: String) {
        self.policy = policy
        self.severity = severity
        self.path = path
        self.reason = reason
        self.message = message
    }

    /// `{policy, severity, path?, reason?, message}`.
    public var json: JSONValue {
        var object: JSONObject = ["policy": .string(policy), "severity": .string(severity.rawValue)]
        object["path"] = path.map { .string($0.description) }
        object["reason"] = reason.map(JSONValue.string)
        object["message"] = .string(message)
        return .object(object)
    }
}
