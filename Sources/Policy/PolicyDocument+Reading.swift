import JSON

extension PolicyDocument {
    /// Reads a policy strictly, recording every problem in `reader`; nil when there was any.
    static func read(from reader: inout StrictReader) -> PolicyDocument? {
        let before = reader.problems.count
        let root = JSONPointer.root
        guard reader.mapping(at: root, named: "a policy", allowed: ["apiVersion", "kind", "metadata", "spec"],
                                          required: ["apiVersion", "kind", "metadata", "spec"]) != nil
        else {
            if reader.problems.count == before { reader.report(.wrongType, at: root, "the file is empty; write a policy with apiVersion, kind, metadata and spec") }
            return nil
        }
        if let apiVersion = reader.string(at: root / "apiVersion", named: "apiVersion"), apiVersion != "meshreg/v1" {
            reader.report(.invalidValue, at: root / "apiVersion", "apiVersion is '\(apiVersion)'; policies use 'meshreg/v1'")
        }
        if let kind = reader.string(at: root / "kind", named: "kind"), kind != "Policy" {
            reader.report(.invalidValue, at: root / "kind", "kind is '\(kind)'; this file must be a 'Policy'")
        }
        let metadata = root / "metadata"
        reader.mapping(at: metadata, named: "metadata", allowed: ["name", "description"], required: ["name", "description"])
        let name = reader.string(at: metadata / "name", named: "metadata.name")
        if let name, !isPolicyName(name) {
            reader.report(.invalidValue, at: metadata / "name",
                          "metadata.name '\(name)' is not a policy id; use 1 to 63 lower-case letters, digits and '-', starting with a letter or digit")
        }
        let description = reader.string(at: metadata / "description", named: "metadata.description")
        let spec = root / "spec"
        reader.mapping(at: spec, named: "spec", allowed: ["events", "matchConditions", "variables", "validations", "validationActions", "failurePolicy"],
                           required: ["events", "validations", "validationActions"])
        let events = readEvents(at: spec / "events", from: &reader)
        let matchConditions = readNamedExpressions(at: spec / "matchConditions", named: "a match condition", from: &reader) { name in
            isPolicyName(name) ? nil : "use lower-case letters, digits and '-'"
        }.map { MatchCondition(name: $0.name, expression: $0.expression) }
        let variables = readNamedExpressions(at: spec / "variables", named: "a variable", from: &reader) { name in
            isIdentifier(name) ? nil : "a variable name is read as variables.<name>, so use letters, digits and '_', not starting with a digit"
        }.map { Variable(name: $0.name, expression: $0.expression) }
        let validations = readValidations(at: spec / "validations", from: &reader)
        let actions = readActions(at: spec / "validationActions", from: &reader)
        var failurePolicy = PolicyFailurePolicy.fail
        if let text = reader.string(at: spec / "failurePolicy", named: "spec.failurePolicy") {
            if let value = PolicyFailurePolicy(rawValue: text) {
                failurePolicy = value
            } else {
                reader.report(.invalidValue, at: spec / "failurePolicy", "failurePolicy '\(text)' is not Fail or Ignore")
            }
        }
        guard reader.problems.count == before, let name, let description else { return nil }
        return PolicyDocument(name: name, description: description, events: events, matchConditions: matchConditions, variables: variables,
                              validations: validations, validationActions: actions, failurePolicy: failurePolicy)
    }

    private static func readEvents(at pointer: JSONPointer, from reader: inout StrictReader) -> [PolicyEvent] {
        guard let elements = reader.list(at: pointer, named: "spec.events") else { return [] }
        if elements.isEmpty { reader.report(.invalidValue, at: pointer, "spec.events is empty; name at least one of \(PolicyEvent.namesList)") }
        var events: [PolicyEvent] = []
        for index in elements.indices {
            guard let text = reader.string(at: pointer / index, named: "an event") else { continue }
            guard let event = PolicyEvent(rawValue: text) else {
                reader.report(.unknownEvent, at: pointer / index, "unknown event '\(text)'; use one of \(PolicyEvent.namesList)")
                continue
            }
            if events.contains(event) {
                reader.report(.invalidValue, at: pointer / index, "event '\(text)' is listed twice; remove one")
            }
            events.append(event)
        }
        return events
    }

    private static func readNamedExpressions(at pointer: JSONPointer, named what: String, from reader: inout StrictReader,
                                             nameProblem: (String) -> String?) -> [(name: String, expression: String)] {
        guard let elements = reader.list(at: pointer, named: pointer.tokens.last ?? what) else { return [] }
        var result: [(name: String, expression: String)] = []
        for index in elements.indices {
            let item = pointer / index
            guard reader.mapping(at: item, named: what, allowed: ["name", "expression"], required: ["name", "expression"]) != nil else { continue }
            guard let name = reader.string(at: item / "name", named: "name"),
                  let expression = reader.string(at: item / "expression", named: "expression")
            else { continue }
            if let problem = nameProblem(name) {
                reader.report(.invalidValue, at: item / "name", "name '\(name)' is not valid for \(what): \(problem)")
            } else if result.contains(where: { $0.name == name }) {
                reader.report(.duplicateName, at: item / "name", "\(what) named '\(name)' is already declared; give each a distinct name")
            }
            result.append((name, expression))
        }
        return result
    }

    private static func readValidations(at pointer: JSONPointer, from reader: inout StrictReader) -> [Validation] {
        guard let elements = reader.list(at: pointer, named: "spec.validations") else { return [] }
        if elements.isEmpty { reader.report(.invalidValue, at: pointer, "spec.validations is empty; add at least one validation") }
        var validations: [Validation] = []
        for index in elements.indices {
            let item = pointer / index
            guard reader.mapping(at: item, named: "a validation", allowed: ["expression", "message", "messageExpression", "reason", "path"],
                                 required: ["expression"]) != nil,
                  let expression = reader.string(at: item / "expression", named: "expression")
            else { continue }
            var path: JSONPointer?
            if let text = reader.string(at: item / "path", named: "path") {
                path = JSONPointer(text)
                if path == nil {
                    reader.report(.invalidValue, at: item / "path", "path '\(text)' is not a JSON Pointer; write it like /outputPorts/0/customProperties")
                }
            }
            validations.append(Validation(expression: expression, message: reader.string(at: item / "message", named: "message"),
                                          messageExpression: reader.string(at: item / "messageExpression", named: "messageExpression"),
                                          reason: reader.string(at: item / "reason", named: "reason"), path: path))
        }
        return validations
    }

    private static func readActions(at pointer: JSONPointer, from reader: inout StrictReader) -> [PolicyValidationAction] {
        guard let elements = reader.list(at: pointer, named: "spec.validationActions") else { return [] }
        if elements.isEmpty { reader.report(.invalidValue, at: pointer, "spec.validationActions is empty; use [Deny], [Warn] or [Audit]") }
        var actions: [PolicyValidationAction] = []
        for index in elements.indices {
            guard let text = reader.string(at: pointer / index, named: "a validation action") else { continue }
            guard let action = PolicyValidationAction(rawValue: text) else {
                reader.report(.invalidValue, at: pointer / index, "validation action '\(text)' is not Deny, Warn or Audit")
                continue
            }
            if actions.contains(action) {
                reader.report(.invalidValue, at: pointer / index, "validation action '\(text)' is listed twice; remove one")
            } else if action == .warn && actions.contains(.deny) || action == .deny && actions.contains(.warn) {
                reader.report(.conflictingActions, at: pointer / index, "Deny and Warn cannot be used together; keep Deny to reject or Warn to only warn")
            }
            actions.append(action)
        }
        return actions
    }

    /// `^[a-z0-9][a-z0-9-]{0,62}$`.
    static func isPolicyName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count), bytes[0] != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// A CEL identifier: `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return text.utf8.allSatisfy { $0.isIdentifierByte }
    }
}

extension UInt8 {
    /// A letter, digit or underscore in ASCII.
    var isIdentifierByte: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "_")
    }
}
