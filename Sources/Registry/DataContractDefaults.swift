import JSON

/// A subject's (or the registry's) data-contract settings from `PUT /config`:
/// `defaultMetadata`/`defaultRuleSet` are laid under what a registration brings and
/// `overrideMetadata`/`overrideRuleSet` over it (docs/ARCHITECTURE.md, "Confluent-compatible API").
public struct DataContractDefaults: Sendable, Hashable {
    public var defaultMetadata: SchemaMetadata?
    public var overrideMetadata: SchemaMetadata?
    public var defaultRuleSet: SchemaRuleSet?
    public var overrideRuleSet: SchemaRuleSet?

    public init(defaultMetadata: SchemaMetadata? = nil, overrideMetadata: SchemaMetadata? = nil,
                defaultRuleSet: SchemaRuleSet? = nil, overrideRuleSet: SchemaRuleSet? = nil) {
        self.defaultMetadata = defaultMetadata
        self.overrideMetadata = overrideMetadata
        self.defaultRuleSet = defaultRuleSet
        self.overrideRuleSet = overrideRuleSet
    }

    public var isEmpty: Bool { self == DataContractDefaults() }

    /// Each setting of `self`, or where it has none, the one of `fallback` (the global config).
    public func fallingBack(to fallback: DataContractDefaults) -> DataContractDefaults {
        DataContractDefaults(defaultMetadata: defaultMetadata ?? fallback.defaultMetadata, overrideMetadata: overrideMetadata ?? fallback.overrideMetadata,
                             defaultRuleSet: defaultRuleSet ?? fallback.defaultRuleSet, overrideRuleSet: overrideRuleSet ?? fallback.overrideRuleSet)
    }

    /// What a new version carries, as Confluent computes it: the registration's own metadata and
    /// rule set, or when it brings none the previous version's, merged over the defaults and
    /// under the overrides.
    public func apply(metadata: SchemaMetadata?, ruleSet: SchemaRuleSet?, previous: RegisteredSchema?) -> (metadata: SchemaMetadata?, ruleSet: SchemaRuleSet?) {
        let specificMetadata = metadata ?? previous?.metadata
        let specificRuleSet = ruleSet ?? previous?.ruleSet
        return (SchemaMetadata.merge(SchemaMetadata.merge(defaultMetadata, specificMetadata), overrideMetadata),
                SchemaRuleSet.merge(SchemaRuleSet.merge(defaultRuleSet, specificRuleSet), overrideRuleSet))
    }

    /// The settings as `GET /config` adds them to `compatibilityLevel`.
    public var jsonFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let defaultMetadata { fields.append(("defaultMetadata", defaultMetadata.json)) }
        if let overrideMetadata { fields.append(("overrideMetadata", overrideMetadata.json)) }
        if let defaultRuleSet { fields.append(("defaultRuleSet", defaultRuleSet.json)) }
        if let overrideRuleSet { fields.append(("overrideRuleSet", overrideRuleSet.json)) }
        return fields
    }
}

/// A change to `DataContractDefaults` from a `PUT /config` body: a field left out keeps its
/// setting, `null` removes it, a value replaces it.
public struct DataContractDefaultsUpdate: Sendable, Hashable {
    public var defaultMetadata: SchemaMetadata??
    public var overrideMetadata: SchemaMetadata??
    public var defaultRuleSet: SchemaRuleSet??
    public var overrideRuleSet: SchemaRuleSet??

    public init(defaultMetadata: SchemaMetadata?? = nil, overrideMetadata: SchemaMetadata?? = nil,
                defaultRuleSet: SchemaRuleSet?? = nil, overrideRuleSet: SchemaRuleSet?? = nil) {
        self.defaultMetadata = defaultMetadata
        self.overrideMetadata = overrideMetadata
        self.defaultRuleSet = defaultRuleSet
        self.overrideRuleSet = overrideRuleSet
    }

    /// Reads the four fields of a config body, validating each like a registration's.
    public init(body: JSONObject) throws(SubjectError) {
        func metadata(_ key: String) throws(SubjectError) -> SchemaMetadata?? {
            guard let value = body[key] else { return nil }
            return .some(value.isNull ? nil : try SchemaMetadata(json: value, at: .root / key))
        }
        func ruleSet(_ key: String) throws(SubjectError) -> SchemaRuleSet?? {
            guard let value = body[key] else { return nil }
            return .some(value.isNull ? nil : try SchemaRuleSet(json: value, at: .root / key))
        }
        self.init(defaultMetadata: try metadata("defaultMetadata"), overrideMetadata: try metadata("overrideMetadata"),
                  defaultRuleSet: try ruleSet("defaultRuleSet"), overrideRuleSet: try ruleSet("overrideRuleSet"))
    }

    public var isEmpty: Bool { self == DataContractDefaultsUpdate() }

    /// `current` with this update applied.
    public func applied(to current: DataContractDefaults) -> DataContractDefaults {
        DataContractDefaults(defaultMetadata: defaultMetadata ?? current.defaultMetadata, overrideMetadata: overrideMetadata ?? current.overrideMetadata,
                             defaultRuleSet: defaultRuleSet ?? current.defaultRuleSet, overrideRuleSet: overrideRuleSet ?? current.overrideRuleSet)
    }
}
