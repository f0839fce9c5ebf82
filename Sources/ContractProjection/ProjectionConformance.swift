import JSON
import Protobuf

/// Whether an Avro or JSON Schema registered by hand says what the contract's projection says:
/// the same fields, of the same types, with the same nullability (docs/contract-projection.md,
/// "Hand registrations"). Names of records and enums, docs, defaults and field order may differ.
/// Protobuf compares the first message's fields by name: their types (nested messages reduced to
/// "message") and, for scalars, proto3 `optional`; field numbers are left to the compatibility check.
public enum ProjectionConformance {
    /// One line per difference, each naming the field path; empty when the schema conforms.
    public static func differences(avro schema: JSONValue, projection: JSONValue) -> [String] {
        var submitted = FieldInventory(), projected = FieldInventory()
        submitted.readAvro(schema, path: "")
        projected.readAvro(projection, path: "")
        return projected.differences(submitted)
    }

    public static func differences(protobuf schema: ProtobufSchema, projection: ProtobufSchema) -> [String] {
        var submitted = FieldInventory(), projected = FieldInventory()
        submitted.readProtobuf(schema)
        projected.readProtobuf(projection)
        return projected.differences(submitted)
    }

    public static func differences(jsonSchema schema: JSONValue, projection: JSONValue) -> [String] {
        var submitted = FieldInventory(), projected = FieldInventory()
        submitted.readJSONSchema(schema, path: "")
        projected.readJSONSchema(projection, path: "")
        return projected.differences(submitted)
    }
}

/// Every field path of a schema with its type (nested records reduced to `record`) and whether
/// it admits null.
private struct FieldInventory {
    struct Shape: Equatable {
        var type: String
        var nullable: Bool
    }

    private(set) var paths: [String] = []
    private(set) var shapes: [String: Shape] = [:]

    private mutating func add(_ path: String, _ shape: Shape) {
        if shapes.updateValue(shape, forKey: path) == nil { paths.append(path) }
    }

    /// The differences of `other` from this (the contract's) inventory.
    func differences(_ other: FieldInventory) -> [String] {
        var lines: [String] = []
        for path in paths {
            guard let expected = shapes[path] else { continue }
            guard let found = other.shapes[path] else {
                lines.append("\(path): the contract has this field and the schema does not")
                continue
            }
            if found.type != expected.type {
                lines.append("\(path): the schema says \(found.type), the contract says \(expected.type)")
            }
            if found.nullable != expected.nullable {
                lines.append(expected.nullable ? "\(path): the contract allows null (required: false) and the schema does not"
                                               : "\(path): the schema allows null and the contract requires a value")
            }
        }
        for path in other.paths where shapes[path] == nil {
            lines.append("\(path): the schema has this field and the contract does not; add it to the contract first")
        }
        return lines
    }

    // MARK: Avro

    mutating func readAvro(_ schema: JSONValue, path: String) {
        for field in schema["fields"]?.arrayValue ?? [] {
            guard let name = field["name"]?.stringValue, let type = field["type"] else { continue }
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            let (core, nullable) = Self.withoutNull(avro: type)
            add(fieldPath, Shape(type: avroType(core, path: fieldPath), nullable: nullable))
        }
    }

    private static func withoutNull(avro type: JSONValue) -> (JSONValue, Bool) {
        guard case .array(let branches) = type else { return (type, false) }
        let others = branches.filter { $0 != "null" }
        return (others.count == 1 ? others[0] : .array(others), others.count != branches.count)
    }

    private mutating func avroType(_ type: JSONValue, path: String) -> String {
        switch type {
        case .string(let name): return name
        case .array(let branches): return "union<" + branches.map { avroType($0, path: path) }.joined(separator: ",") + ">"
        case .object(let object):
            let base = object["type"]?.stringValue ?? "?"
            if let logical = object["logicalType"]?.stringValue {
                let digits = object["precision"].map { "(\($0.encoded()),\(object["scale"]?.encoded() ?? "0"))" } ?? ""
                return "\(base)/\(logical)\(digits)"
            }
            switch base {
            case "record":
                readAvro(type, path: path)
                return "record"
            case "enum": return "enum[" + (object["symbols"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",") + "]"
            case "array": return "array<\(avroType(object["items"] ?? .null, path: path + "[]"))>"
            case "map": return "map<\(avroType(object["values"] ?? .null, path: path + "{}"))>"
            case "fixed": return "fixed(\(object["size"]?.encoded() ?? "?"))"
            default: return base
            }
        default: return type.encoded()
        }
    }

    // MARK: Protobuf

    /// The fields of the file's first message, as a serializer of its records would use it.
    mutating func readProtobuf(_ schema: ProtobufSchema) {
        guard let first = schema.file.types.first(where: { if case .message = $0 { true } else { false } }), case .message(let message) = first else { return }
        var visited: Set<String> = []
        readProtobuf(message, schema: schema, path: "", visited: &visited)
    }

    private mutating func readProtobuf(_ message: ProtobufMessage, schema: ProtobufSchema, path: String, visited: inout Set<String>) {
        for field in message.allFields {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            var type = protobufType(field.type, schema: schema, path: fieldPath, visited: &visited)
            if field.label == .repeated { type = "repeated \(type)" }
            let isScalar = if case .scalar = field.type { true } else { false }
            add(fieldPath, Shape(type: type, nullable: isScalar && field.label == .optional))
        }
    }

    private mutating func protobufType(_ type: ProtobufFieldType, schema: ProtobufSchema, path: String, visited: inout Set<String>) -> String {
        switch type {
        case .scalar(let scalar): return scalar.rawValue
        case .map(let key, let value): return "map<\(key.rawValue),\(protobufType(value, schema: schema, path: path + "{}", visited: &visited))>"
        case .named(_, let fullName):
            switch schema.types[fullName]?.type {
            case .enumeration(let enumeration)?:
                return "enum[" + enumeration.values.map(\.name).joined(separator: ",") + "]"
            case .message(let message)? where schema.types[fullName]?.importPath == nil:
                if visited.insert(fullName).inserted { readProtobuf(message, schema: schema, path: path, visited: &visited) }
                return "message"
            default:
                return fullName
            }
        }
    }

    // MARK: JSON Schema

    mutating func readJSONSchema(_ schema: JSONValue, path: String) {
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        for (name, property) in schema["properties"]?.objectValue ?? [:] {
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            let (core, nullable) = Self.withoutNull(jsonSchema: property)
            add(fieldPath, Shape(type: jsonSchemaType(core, path: fieldPath), nullable: nullable || !required.contains(name)))
        }
    }

    /// The non-null part of a property: `oneOf`/`anyOf` with a `{"type": "null"}` branch, or a
    /// `type` list naming "null".
    private static func withoutNull(jsonSchema property: JSONValue) -> (JSONValue, Bool) {
        for keyword in ["oneOf", "anyOf"] {
            if let branches = property[keyword]?.arrayValue, branches.contains(where: { $0["type"] == "null" }) {
                let others = branches.filter { $0["type"] != "null" }
                return (others.count == 1 ? others[0] : [keyword: .array(others)], true)
            }
        }
        if case .array(let types)? = property["type"], types.contains("null"), case .object(var object) = property {
            let others = types.filter { $0 != "null" }
            object["type"] = others.count == 1 ? others[0] : .array(others)
            return (.object(object), true)
        }
        return (property, false)
    }

    private mutating func jsonSchemaType(_ property: JSONValue, path: String) -> String {
        let type = property["type"]?.stringValue ?? property["type"]?.encoded() ?? "any"
        switch type {
        case "object" where property["properties"] != nil:
            readJSONSchema(property, path: path)
            return "object"
        case "object" where property["additionalProperties"]?.objectValue != nil:
            return "map<\(jsonSchemaType(property["additionalProperties"] ?? .null, path: path + "{}"))>"
        case "array":
            return "array<\(jsonSchemaType(property["items"] ?? .null, path: path + "[]"))>"
        default:
            if let format = property["format"]?.stringValue { return "\(type)/\(format)" }
            if let values = property["enum"]?.arrayValue { return "\(type)[" + values.map { $0.encoded() }.joined(separator: ",") + "]" }
            return type
        }
    }
}
