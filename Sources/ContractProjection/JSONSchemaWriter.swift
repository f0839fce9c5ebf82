import JSON

/// Writes a projected record as a JSON Schema (draft-07, the draft Confluent's serializers
/// default to). An optional property is left out of `required` and also admits null, as Confluent's
/// Avro-to-JSON-Schema conversion writes it (`oneOf` null or the type). `logicalTypeOptions`
/// bounds become the matching keywords (JSON Schema Validation draft-07, section 6).
enum JSONSchemaWriter {
    static let draft = "http://json-schema.org/draft-07/schema#"

    /// The ODCS `logicalTypeOptions` that are JSON Schema keywords of the same name and meaning.
    static let boundKeywords = ["minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                "minItems", "maxItems", "uniqueItems", "multipleOf"]

    static func schema(of record: ProjectedRecord) -> JSONValue {
        var object: JSONObject = ["$schema": .string(draft), "title": .string(record.name)]
        for (key, value) in recordJSON(record) { object[key] = value }
        return .object(object)
    }

    private static func recordJSON(_ record: ProjectedRecord) -> JSONObject {
        var object: JSONObject = ["type": "object"]
        if let doc = record.doc { object["description"] = .string(doc) }
        var properties = JSONObject()
        for field in record.fields {
            var schema = type(field.type)
            for (key, value) in field.bounds { schema[key] = value }
            var property: JSONObject = field.required ? schema : ["oneOf": [["type": "null"], .object(schema)]]
            if let doc = field.doc { property["description"] = .string(doc) }
            properties[field.name] = .object(property)
        }
        object["properties"] = .object(properties)
        let required = record.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { object["required"] = .array(required) }
        return object
    }

    private static func type(_ type: ProjectedType) -> JSONObject {
        switch type {
        case .string: ["type": "string"]
        case .int, .long: ["type": "integer"]
        case .float, .double, .decimal: ["type": "number"]
        case .boolean: ["type": "boolean"]
        case .bytes: ["type": "string", "contentEncoding": "base64"]
        case .date: ["type": "string", "format": "date"]
        case .timestampMillis, .timestampMicros, .localTimestampMillis, .localTimestampMicros: ["type": "string", "format": "date-time"]
        case .timeMillis, .timeMicros: ["type": "string", "format": "time"]
        case .enumeration(_, let symbols): ["type": "string", "enum": .array(symbols.map { .string($0) })]
        case .array(let items): ["type": "array", "items": .object(Self.type(items))]
        case .map(let values): ["type": "object", "additionalProperties": .object(Self.type(values))]
        case .record(let record): recordJSON(record)
        }
    }
}
