import JSON

/// The result of evaluating a policy set for one event: each bound policy's result and the
/// overall outcome; the caller adds target and actor when it logs it in the audit log.
public struct Decision: Sendable, Hashable {
    /// The overall outcome.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// No Deny or Warn violation (Audit violations may be present).
        case allowed
        /// A Warn violation and no Deny violation: accept and return the warnings.
        case warned
        /// A Deny violation: reject the write.
        case denied
    }

    /// The event decided on.
    public var event: PolicyEvent
    /// The version of the policy set that decided.
    public var policySetVersion: String
    /// One result per policy bound to the event, in name order.
    public var results: [PolicyResult]

    /// Denied on any Deny violation, else warned on any Warn violation, else allowed.
    public var outcome: Outcome {
        let strongest = results.lazy.flatMap(\.violations).map(\.severity).max()
        switch strongest {
        case .deny: return .denied
        case .warn: return .warned
        case .audit, nil: return .allowed
        }
    }

    /// Every violation, in policy order.
    public var violations: [PolicyViolation] { results.flatMap(\.violations) }

    /// The decision for the audit log and the API: event, policy set version, outcome, violations and results.
    public var json: JSONValue {
        [
            "event": .string(event.rawValue),
            "policySetVersion": .string(policySetVersion),
            "outcome": .string(outcome.rawValue),
            "violations": .array(violations.map(\.json)),
            "policies": .array(results.map(\.json)),
        ]
    }
}
