/// A schema as the schema-registry API stores it: one global id per distinct schema (its type,
/// identity, references, metadata and rule set, see `SubjectSchema`), shared by every subject
/// that registers it.
public struct RegisteredSchema: Sendable, Hashable {
    public var id: Int
    public var schemaType: SchemaType
    /// The schema text as first registered (compact JSON, keys in the order given).
    public var schema: String
    /// The schemas it uses, with version numbers.
    public var references: [SchemaReference]
    public var metadata: SchemaMetadata?
    public var ruleSet: SchemaRuleSet?
}

/// One version of a subject (Confluent: `{subject, version, id, schema, schemaType, references,
/// metadata, ruleSet}`).
public struct SubjectVersion: Sendable, Hashable {
    public var subject: String
    public var version: Int
    public var schema: RegisteredSchema
    public var isDeleted: Bool
}
