/// The object keywords Confluent compares, with the content model they define.
struct JSONSchemaObjectKeywords: Sendable {
    var propertyNames: [String] = []
    var properties: [String: JSONSchemaNode] = [:]
    var required: Set<String> = []
    var patternProperties: [(pattern: String, schema: JSONSchemaNode)] = []
    /// False for `additionalProperties: false` (or `unevaluatedProperties: false`).
    var permitsAdditionalProperties = true
    /// The schema of additional properties when one is given as an object.
    var additionalProperties: JSONSchemaNode?
    var minProperties: Int64?
    var maxProperties: Int64?
    var propertyDependencies: [String: Set<String>] = [:]
    var schemaDependencies: [String: JSONSchemaNode] = [:]

    /// Open: any extra property is allowed with any value (Confluent "open content model").
    var isOpenContentModel: Bool { patternProperties.isEmpty && additionalProperties == nil && permitsAdditionalProperties }

    /// The schema an undeclared property `name` must match in a partially open content model.
    func partialSchema(for name: String) -> JSONSchemaNode? {
        for entry in patternProperties {
            if let regex = try? Regex(entry.pattern), name.contains(regex) { return entry.schema }
        }
        return additionalProperties
    }
}
