import JSON

/// One schema in a JSON Schema document, normalised the way Confluent's checker sees it: a typed
/// schema, an enum, a combination, a negation, a reference, or the true/false schemas.
struct JSONSchemaNode: Sendable {
    /// Where the schema is in its document.
    var pointer: JSONPointer
    /// The schema as written (for parts of an implicit `allOf`, tagged with the part), used to collapse duplicates.
    var json: JSONValue
    var id: String?
    var title: String?
    var description: String?
    var defaultValue: JSONValue?
    var kind: JSONSchemaKind

    /// A name for the node's class: differing classes are a type change.
    var className: String { kind.className }
}
