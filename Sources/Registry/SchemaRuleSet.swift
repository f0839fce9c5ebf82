import JSON

/// Confluent's data-contract `ruleSet`: `migrationRules` (UPGRADE, DOWNGRADE, UPDOWN) run when a
/// reader and writer version differ, `domainRules` (WRITE, READ, WRITEREAD) on every message.
/// Rule names are unique across both lists.
public struct SchemaRuleSet: DataContractLayer {
    public var migrationRules: [SchemaRule]
    public var domainRules: [SchemaRule]

    /// At most this many rules in each list.
    public static let maximumRules = 256

    public init(migrationRules: [SchemaRule] = [], domainRules: [SchemaRule] = []) {
        self.migrationRules = migrationRules
        self.domainRules = domainRules
    }

    /// Reads and validates a `ruleSet`: each rule's fields, the mode allowed in its list, unique
    /// names, and `CEL`/`CEL_FIELD` expressions compiled (see `SchemaRule.compile()`).
    public init(json: JSONValue, at pointer: JSONPointer) throws(SubjectError) {
        try self.init(reading: json, at: pointer)
        try validate(at: pointer)
    }

    /// A rule set the registry stored, validated when it was stored.
    init?(stored text: String) {
        guard let json = try? JSONParser.parse(text), let ruleSet = try? SchemaRuleSet(reading: json, at: .root) else { return nil }
        self = ruleSet
    }

    private init(reading json: JSONValue, at pointer: JSONPointer) throws(SubjectError) {
        guard let object = json.objectValue else { throw SchemaRule.invalid(pointer, "must be an object with migrationRules and domainRules") }
        for key in object.keys where !["migrationRules", "domainRules", "encodingRules"].contains(key) {
            throw SchemaRule.invalid(pointer / key, "is not a ruleSet field; use migrationRules or domainRules")
        }
        if let encoding = object["encodingRules"], !(encoding.isNull || encoding.arrayValue?.isEmpty == true) {
            throw SchemaRule.invalid(pointer / "encodingRules", "are not supported by meshreg; use migrationRules or domainRules")
        }
        self.init(migrationRules: try Self.rules(object["migrationRules"], at: pointer / "migrationRules"),
                  domainRules: try Self.rules(object["domainRules"], at: pointer / "domainRules"))
    }

    /// Refuses a rule in the wrong list for its mode, a repeated name, or an expression that does
    /// not compile, naming the rule and where.
    public func validate(at pointer: JSONPointer = .root) throws(SubjectError) {
        var names: Set<String> = []
        for (list, rules, isMigration) in [("migrationRules", migrationRules, true), ("domainRules", domainRules, false)] {
            for (index, rule) in rules.enumerated() {
                let at = pointer / list / index
                guard names.insert(rule.name).inserted else {
                    throw SchemaRule.invalid(at / "name", "repeats the rule name '\(rule.name)'; rule names must be unique in a ruleSet")
                }
                guard rule.mode.isMigration == isMigration else {
                    throw SchemaRule.invalid(at / "mode", isMigration
                        ? "of rule '\(rule.name)' is \(rule.mode.rawValue); migration rules can only be UPGRADE, DOWNGRADE or UPDOWN"
                        : "of rule '\(rule.name)' is \(rule.mode.rawValue); domain rules can only be WRITE, READ or WRITEREAD")
                }
                try rule.compile(at: at)
            }
        }
    }

    /// `other` laid over this rule set, as Confluent merges: in each list, rules of `other`
    /// replace those of the same name and the rest keep their order, `other`'s new ones after.
    public func merging(_ other: SchemaRuleSet) -> SchemaRuleSet {
        SchemaRuleSet(migrationRules: Self.merge(migrationRules, other.migrationRules), domainRules: Self.merge(domainRules, other.domainRules))
    }

    /// The JSON Confluent serves; an empty list left out.
    public var json: JSONValue {
        var object: JSONObject = [:]
        if !migrationRules.isEmpty { object["migrationRules"] = .array(migrationRules.map(\.json)) }
        if !domainRules.isEmpty { object["domainRules"] = .array(domainRules.map(\.json)) }
        return .object(object)
    }

    private static func merge(_ base: [SchemaRule], _ over: [SchemaRule]) -> [SchemaRule] {
        let replaced = Set(over.map(\.name))
        return base.filter { !replaced.contains($0.name) } + over
    }

    private static func rules(_ value: JSONValue?, at pointer: JSONPointer) throws(SubjectError) -> [SchemaRule] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.arrayValue, items.count <= maximumRules else {
            throw SchemaRule.invalid(pointer, "must be an array of at most \(maximumRules) rules")
        }
        var rules: [SchemaRule] = []
        for (index, item) in items.enumerated() { rules.append(try SchemaRule(json: item, at: pointer / index)) }
        return rules
    }
}
