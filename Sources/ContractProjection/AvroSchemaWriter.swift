import JSON

/// Writes a projected record as an Avro schema (Avro spec 1.11, "Complex Types", "Logical
/// Types"): an optional field is the union `["null", T]` with default null.
enum AvroSchemaWriter {
    static func schema(of record: ProjectedRecord, namespace: String?) -> JSONValue {
        var schema = recordJSON(record)
        if let namespace {
            schema["namespace"] = .string(namespace)
        }
        return .object(schema)
    }

    private static func recordJSON(_ record: ProjectedRecord) -> JSONObject {
        var object: JSONObject = ["type": "record", "name": .string(record.name)]
        if let doc = record.doc { object["doc"] = .string(doc) }
        object["fields"] = .array(record.fields.map(field))
        return object
    }

    private static func field(_ field: ProjectedField) -> JSONValue {
        var object: JSONObject = ["name": .string(field.name)]
        if let doc = field.doc { object["doc"] = .string(doc) }
        let type = type(field.type)
        if field.required {
            object["type"] = type
        } else {
            object["type"] = .array(["null", type])
            object["default"] = .null
        }
        return .object(object)
    }

    private static func type(_ type: ProjectedType) -> JSONValue {
        switch type {
        case .string: "string"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .boolean: "boolean"
        case .bytes: "bytes"
        case .decimal(let precision, let scale):
            ["type": "bytes", "logicalType": "decimal", "precision": .integer(Int64(precision)), "scale": .integer(Int64(scale))]
        case .date: logical("int", "date")
        case .timestampMillis: logical("long", "timestamp-millis")
        case .timestampMicros: logical("long", "timestamp-micros")
        case .localTimestampMillis: logical("long", "local-timestamp-millis")
        case .localTimestampMicros: logical("long", "local-timestamp-micros")
        case .timeMillis: logical("int", "time-millis")
        case .timeMicros: logical("long", "time-micros")
        case .enumeration(let name, let symbols): ["type": "enum", "name": .string(name), "symbols": .array(symbols.map { .string($0) })]
        case .array(let items): ["type": "array", "items": Self.type(items)]
        case .map(let values): ["type": "map", "values": Self.type(values)]
        case .record(let record): .object(recordJSON(record))
        }
    }

    private static func logical(_ base: String, _ logicalType: String) -> JSONValue {
        ["type": .string(base), "logicalType": .string(logicalType)]
    }
}
