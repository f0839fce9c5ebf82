import JSON

/// Runs policy fixtures (`meshreg policy test DIR`): each case evaluates its policy alone, so
/// fixtures of one policy never depend on the others.
public enum PolicyTestRunner {
    /// The result of one case.
    public struct CaseResult: Sendable, Hashable {
        /// The case that ran.
        public var testCase: PolicyTestCase
        /// What happened, in the same terms as the expectation.
        public var actual: PolicyTestCase.Expectation
        /// The decision, for showing the violations of a failed case.
        public var decision: Decision

        /// True when the actual outcome is the expected one.
        public var passed: Bool { actual == testCase.expectation }

        /// `file: policy / case: expected X, got Y` with the violations, for reports.
        public var summary: String {
            var text = "\(testCase.file): \(testCase.policy) / \(testCase.name): "
            text += passed ? "ok" : "expected \(testCase.expectation.rawValue), got \(actual.rawValue)"
            for violation in decision.violations where !passed { text += "\n    \(violation.severity.rawValue): \(violation.message)" }
            return text
        }
    }

    /// Reads every fixture and runs its cases against the set; a malformed fixture or one
    /// naming a policy the set lacks refuses the run, with every problem.
    public static func run(set: PolicySet, fixtures: [(path: String, bytes: [UInt8])]) throws(PolicySetError) -> [CaseResult] {
        var problems: [PolicyLoadError] = []
        var cases: [PolicyTestCase] = []
        for fixture in fixtures {
            var reader: StrictReader
            switch StrictReader.read(file: fixture.path, bytes: fixture.bytes) {
            case .success(let parsed): reader = parsed
            case .failure(let problem):
                problems.append(problem)
                continue
            }
            let read = PolicyTestCase.read(from: &reader)
            if let policy = reader.document.value["policy"]?.stringValue, set.policy(named: policy) == nil {
                reader.report(.unknownPolicy, at: .root / "policy", "no policy named '\(policy)' is loaded; fix the name or load its file")
            }
            problems += reader.problems
            cases += read
        }
        guard problems.isEmpty else { throw PolicySetError(problems: problems) }
        return cases.map { testCase in
            let decision = set.restricted(to: [testCase.policy]).evaluate(event: testCase.event, input: testCase.input)
            return CaseResult(testCase: testCase, actual: actual(for: testCase, in: decision), decision: decision)
        }
    }

    private static func actual(for testCase: PolicyTestCase, in decision: Decision) -> PolicyTestCase.Expectation {
        switch testCase.expectation {
        case .allowed, .warned, .denied:
            switch decision.outcome {
            case .allowed: return .allowed
            case .warned: return .warned
            case .denied: return .denied
            }
        case .passed, .violated, .skipped, .errorIgnored:
            // A policy not bound to the case's event does not apply: skipped.
            switch decision.results.first?.outcome {
            case .passed: return .passed
            case .violated: return .violated
            case .skipped, nil: return .skipped
            case .errorIgnored: return .errorIgnored
            }
        }
    }
}
