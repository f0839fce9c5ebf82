import JSON

/// One case of a policy fixture (`Policies/tests/<policy>.yaml`): an event, its input and what
/// the policy, evaluated alone, must conclude.
public struct PolicyTestCase: Sendable, Hashable {
    /// What a case expects: a decision outcome or the policy's own outcome.
    public enum Expectation: String, Sendable, Hashable, CaseIterable {
        case allowed, warned, denied
        case passed, violated, skipped
        case errorIgnored = "error-ignored"
    }

    /// The fixture file the case comes from.
    public var file: String
    /// The policy under test.
    public var policy: String
    /// What the case shows, in words.
    public var name: String
    /// The event evaluated.
    public var event: PolicyEvent
    /// The variables bound.
    public var input: PolicyInput
    /// The outcome the case requires.
    public var expectation: Expectation

    /// Reads every case of a fixture: `{policy, cases: [{name, event, input, expect}]}`.
    static func read(from reader: inout StrictReader) -> [PolicyTestCase] {
        let root = JSONPointer.root
        guard reader.mapping(at: root, named: "a policy fixture", allowed: ["policy", "cases"], required: ["policy", "cases"]) != nil,
              let policy = reader.string(at: root / "policy", named: "policy"),
              let elements = reader.list(at: root / "cases", named: "cases")
        else { return [] }
        var cases: [PolicyTestCase] = []
        for index in elements.indices {
            let item = root / "cases" / index
            guard reader.mapping(at: item, named: "a case", allowed: ["name", "event", "input", "expect"],
                                 required: ["name", "event", "input", "expect"]) != nil,
                  let name = reader.string(at: item / "name", named: "name"),
                  let eventName = reader.string(at: item / "event", named: "event"),
                  let expected = reader.string(at: item / "expect", named: "expect"),
                  let inputValue = reader.document.value.value(at: item / "input")
            else { continue }
            guard let event = PolicyEvent(rawValue: eventName) else {
                reader.report(.unknownEvent, at: item / "event", "unknown event '\(eventName)'; use one of \(PolicyEvent.namesList)")
                continue
            }
            guard let expectation = Expectation(rawValue: expected) else {
                let names = Expectation.allCases.map(\.rawValue).joined(separator: ", ")
                reader.report(.invalidValue, at: item / "expect", "expect '\(expected)' is not one of \(names)")
                continue
            }
            do {
                let input = try PolicyInput(json: inputValue)
                cases.append(PolicyTestCase(file: reader.file, policy: policy, name: name, event: event, input: input, expectation: expectation))
            } catch {
                if let variable = error.pointer.tokens.first {
                    reader.report(.unknownVariable, at: reader.keyLocation(variable, in: item / "input"), error.message)
                } else {
                    reader.report(.wrongType, at: item / "input", error.message)
                }
            }
        }
        return cases
    }
}
