import JSON

/// Writes a projected record as a proto3 file (Protocol Buffers Language Specification, proto3):
/// one top-level message, nested messages and enums declared inside the message that uses them,
/// field numbers in contract order from 1. Optional scalars get proto3 `optional` (explicit
/// presence); messages have presence anyway and repeated fields cannot be optional.
struct ProtobufSchemaWriter {
    private var imports: Set<String> = []

    static func text(of record: ProjectedRecord, package: String?) throws(ContractProjectionError) -> String {
        var writer = ProtobufSchemaWriter()
        let body = try writer.message(record, indent: "")
        var lines = ["syntax = \"proto3\";", ""]
        if let package { lines += ["package \(package);", ""] }
        if !writer.imports.isEmpty { lines += writer.imports.sorted().map { "import \"\($0)\";" } + [""] }
        return (lines + body).joined(separator: "\n") + "\n"
    }

    private mutating func message(_ record: ProjectedRecord, indent: String) throws(ContractProjectionError) -> [String] {
        var lines = Self.comment(record.doc, indent: indent) + ["\(indent)message \(record.name) {"]
        var nested: [String] = []
        for (index, field) in record.fields.enumerated() {
            let inner = indent + "  "
            let (type, repeated) = try fieldType(field.type, at: field.pointer, nested: &nested, indent: inner)
            let label = repeated ? "repeated " : (field.required || Self.isMessageOrMap(field.type) ? "" : "optional ")
            lines += Self.comment(field.doc, indent: inner)
            lines.append("\(inner)\(label)\(type) \(field.name) = \(index + 1);")
        }
        return lines + nested + ["\(indent)}"]
    }

    /// The field's type and whether it is `repeated`; nested declarations go into `nested`.
    private mutating func fieldType(_ type: ProjectedType, at pointer: JSONPointer, nested: inout [String], indent: String) throws(ContractProjectionError) -> (String, Bool) {
        switch type {
        case .array(let items):
            if case .array = items {
                throw ContractProjectionError(.unmappableType, at: pointer / "items", "Protobuf has no array of arrays; wrap the inner array in an object property")
            }
            if case .map = items {
                throw ContractProjectionError(.unmappableType, at: pointer / "items", "Protobuf has no array of maps; wrap the map in an object property")
            }
            return (try scalarOrNamed(items, at: pointer, nested: &nested, indent: indent), true)
        case .map(let values):
            if case .array = values {
                throw ContractProjectionError(.unmappableType, at: pointer / "map" / "value", "a Protobuf map value cannot be repeated; wrap the array in an object property")
            }
            if case .map = values {
                throw ContractProjectionError(.unmappableType, at: pointer / "map" / "value", "a Protobuf map value cannot be a map; wrap the inner map in an object property")
            }
            return ("map<string, \(try scalarOrNamed(values, at: pointer, nested: &nested, indent: indent))>", false)
        default:
            return (try scalarOrNamed(type, at: pointer, nested: &nested, indent: indent), false)
        }
    }

    private mutating func scalarOrNamed(_ type: ProjectedType, at pointer: JSONPointer, nested: inout [String], indent: String) throws(ContractProjectionError) -> String {
        switch type {
        case .string, .decimal: return "string"
        case .int, .date, .timeMillis: return "int32"
        case .long, .timeMicros: return "int64"
        case .float: return "float"
        case .double: return "double"
        case .boolean: return "bool"
        case .bytes: return "bytes"
        case .timestampMillis, .timestampMicros, .localTimestampMillis, .localTimestampMicros:
            imports.insert("google/protobuf/timestamp.proto")
            return "google.protobuf.Timestamp"
        case .enumeration(let name, let symbols):
            nested += Self.enumeration(name, symbols, indent: indent)
            return name
        case .record(let record):
            nested += try message(record, indent: indent)
            return record.name
        case .array, .map:
            throw ContractProjectionError(.unmappableType, at: pointer, "Protobuf cannot nest arrays and maps directly; wrap the inner one in an object property")
        }
    }

    /// A proto3 enum: its first value must be 0, so `<NAME>_UNSPECIFIED = 0` comes first and each
    /// symbol is prefixed with the enum's name (enum values share their parent's scope).
    private static func enumeration(_ name: String, _ symbols: [String], indent: String) -> [String] {
        let prefix = upperSnake(name)
        let values = ["\(prefix)_UNSPECIFIED"] + symbols.map { "\(prefix)_\($0.uppercased())" }
        return ["\(indent)enum \(name) {"] + values.enumerated().map { "\(indent)  \($1) = \($0);" } + ["\(indent)}"]
    }

    /// `PageType` → `PAGE_TYPE`.
    static func upperSnake(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase, let last = result.last, last != "_" { result.append("_") }
            result += character.uppercased()
        }
        return result
    }

    private static func isMessageOrMap(_ type: ProjectedType) -> Bool {
        switch type {
        case .record, .map, .timestampMillis, .timestampMicros, .localTimestampMillis, .localTimestampMicros: true
        default: false
        }
    }

    private static func comment(_ doc: String?, indent: String) -> [String] {
        guard let doc else { return [] }
        return doc.split(separator: "\n", omittingEmptySubsequences: false).map { "\(indent)// \($0)" }
    }
}
