import JSON

/// The normalised form of a schema (the model of everit-json-schema, which Confluent's checker uses).
indirect enum JSONSchemaKind: Sendable {
    /// `true` or `{}`: accepts everything.
    case empty
    /// `false`: accepts nothing.
    case never
    case boolean
    case null
    case string(JSONSchemaStringKeywords)
    case number(JSONSchemaNumberKeywords)
    case object(JSONSchemaObjectKeywords)
    case array(JSONSchemaArrayKeywords)
    /// `enum` or `const`.
    case enumeration([JSONValue])
    case combined(JSONSchemaCriterion, [JSONSchemaNode])
    case not(JSONSchemaNode)
    /// A local `$ref`, by the JSON Pointer it names.
    case reference(JSONPointer)

    var className: String {
        switch self {
        case .empty: "empty"
        case .never: "false"
        case .boolean: "boolean"
        case .null: "null"
        case .string: "string"
        case .number: "number"
        case .object: "object"
        case .array: "array"
        case .enumeration: "enum"
        case .combined: "combined"
        case .not: "not"
        case .reference: "reference"
        }
    }
}
