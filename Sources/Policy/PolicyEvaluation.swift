import CEL
import JSON

/// Evaluates one policy for one decision: variables are computed on first use, at most once,
/// and exposed to later expressions as the `variables` map.
struct PolicyEvaluation {
    private let policy: CompiledPolicy
    private var activation: CELActivation
    private var computed: [CELValue?]
    private var evaluatedVariables: [String] = []
    private var violations: [PolicyViolation] = []
    private var ignoredErrors: [String] = []

    init(policy: CompiledPolicy, activation: CELActivation) {
        self.policy = policy
        self.activation = activation
        computed = Array(repeating: nil, count: policy.variables.count)
    }

    /// Runs the match conditions (a false one skips the policy), then every validation.
    static func run(_ policy: CompiledPolicy, activation: CELActivation) -> PolicyResult {
        var evaluation = PolicyEvaluation(policy: policy, activation: activation)
        return evaluation.run()
    }

    private mutating func run() -> PolicyResult {
        for condition in policy.matchConditions {
            switch evaluate(condition.expression) {
            case .bool(true): continue
            case .bool(false): return result(.skipped)
            case let other:
                fail("match condition '\(condition.name)' could not be evaluated: \(Self.describe(other))", path: nil, reason: nil)
                return result(violations.isEmpty ? .errorIgnored : .violated)
            }
        }
        for (index, validation) in policy.validations.enumerated() {
            switch evaluate(validation.expression) {
            case .bool(true): continue
            case .bool(false):
                violations.append(PolicyViolation(policy: policy.document.name, severity: policy.severity, path: validation.source.path,
                                                  reason: validation.source.reason, message: message(for: validation)))
            case let other:
                fail("validation \(index + 1) could not be evaluated: \(Self.describe(other))", path: validation.source.path,
                     reason: validation.source.reason)
            }
        }
        if !violations.isEmpty { return result(.violated) }
        return result(ignoredErrors.isEmpty ? .passed : .errorIgnored)
    }

    private func result(_ outcome: PolicyResult.Outcome) -> PolicyResult {
        PolicyResult(name: policy.document.name, digest: policy.digest, outcome: outcome, violations: violations,
                     ignoredErrors: ignoredErrors, evaluatedVariables: evaluatedVariables)
    }

    /// An evaluation error: a violation under failurePolicy Fail, recorded and ignored under Ignore.
    private mutating func fail(_ message: String, path: JSONPointer?, reason: String?) {
        switch policy.document.failurePolicy {
        case .fail:
            violations.append(PolicyViolation(policy: policy.document.name, severity: policy.severity, path: path, reason: reason, message: message))
        case .ignore:
            ignoredErrors.append(message)
        }
    }

    /// The messageExpression's text when it yields a non-empty string, else the message, else the expression.
    private mutating func message(for validation: CompiledPolicy.Validation) -> String {
        if let messageExpression = validation.messageExpression, case .string(let text) = evaluate(messageExpression), !text.isEmpty {
            return text
        }
        return validation.source.message ?? "failed expression: \(validation.source.expression)"
    }

    private static func describe(_ value: CELValue) -> String {
        if case .error(let error) = value { return error.description }
        return "it gave a value of type \(value.type.name), not bool"
    }

    private mutating func evaluate(_ expression: CompiledPolicy.Expression) -> CELValue {
        for index in expression.variables where computed[index] == nil {
            computed[index] = policy.variables[index].program.evaluate(activation)
            evaluatedVariables.append(policy.variableNames[index])
            bindVariables()
        }
        return expression.program.evaluate(activation)
    }

    /// Rebinds `variables` to the variables computed so far.
    private mutating func bindVariables() {
        var entries: [(key: CELValue, value: CELValue)] = []
        for (index, value) in computed.enumerated() {
            if let value { entries.append((key: .string(policy.variableNames[index]), value: value)) }
        }
        do {
            activation.variables["variables"] = .map(try CELMap(entries: entries))
        } catch {
            preconditionFailure("variable names are distinct strings, checked at load: \(error)")
        }
    }
}
