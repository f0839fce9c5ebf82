import JSON

/// One rule of Confluent's `ruleSet.domainRules`: a CEL CONDITION checked on every record written.
public struct DomainRule: Sendable, Hashable {
    /// `<record>-<field>-<constraint>`, e.g. `page_view-url_path-maxLength`: Confluent allows
    /// letters, digits, `_` and `-` in rule names.
    public var name: String
    public var doc: String
    /// A CEL expression over `message` that is true for a good record.
    public var expression: String

    /// Confluent's rule shape: kind CONDITION, mode WRITE, type CEL, failures refuse the write.
    public var json: JSONValue {
        ["name": .string(name), "doc": .string(doc), "kind": "CONDITION", "mode": "WRITE", "type": "CEL",
         "expr": .string(expression), "onFailure": "ERROR"]
    }
}

/// A contract constraint or quality rule that no domain rule expresses, and why.
public struct SkippedRule: Sendable, Hashable {
    /// Where the rule is in the contract.
    public var pointer: JSONPointer
    public var reason: String

    public var json: JSONValue {
        ["pointer": .string(pointer.description), "reason": .string(reason)]
    }
}
