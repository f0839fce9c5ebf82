/// Writes a parsed file as a `google.protobuf.FileDescriptorProto` (descriptor.proto), the form
/// Confluent's `?format=serialized` serves and its clients load into a descriptor pool: `map`
/// fields become repeated `…Entry` messages with `map_entry`, proto3 `optional` fields get their
/// synthetic oneofs, and type names are fully qualified.
struct ProtobufDescriptorEncoder {
    let schema: ProtobufSchema

    func encode() -> [UInt8] {
        let file = schema.file
        var writer = ProtobufWireWriter()
        if !file.package.isEmpty { writer.string(2, file.package) }
        for imported in file.imports { writer.string(3, imported.path) }
        for type in file.types { write(type, scope: file.package, into: &writer) }
        for service in file.services {
            writer.message(6) { writer in
                writer.string(1, service.name)
                for method in service.methods {
                    writer.message(2) { writer in
                        writer.string(1, method.name)
                        writer.string(2, method.input)
                        writer.string(3, method.output)
                        if method.inputStreams { writer.integer(5, 1) }
                        if method.outputStreams { writer.integer(6, 1) }
                    }
                }
            }
        }
        for (index, imported) in file.imports.enumerated() {
            if imported.kind == .public { writer.integer(10, index) }
            if imported.kind == .weak { writer.integer(11, index) }
        }
        writer.string(12, file.syntax.rawValue)
        return writer.bytes
    }

    /// A top-level type as FileDescriptorProto field 4 (message) or 5 (enum); nested ones use 3 and 4.
    private func write(_ type: ProtobufType, scope: String, into writer: inout ProtobufWireWriter, nested: Bool = false) {
        switch type {
        case .enumeration(let enumeration):
            writer.message(nested ? 4 : 5) { writer in write(enumeration, into: &writer) }
        case .message(let message):
            writer.message(nested ? 3 : 4) { writer in write(message, scope: scope.isEmpty ? message.name : "\(scope).\(message.name)", into: &writer) }
        }
    }

    private func write(_ message: ProtobufMessage, scope: String, into writer: inout ProtobufWireWriter) {
        writer.string(1, message.name)
        var syntheticOneof = message.oneofs.count
        var mapEntries: [(name: String, key: ProtobufScalar, value: ProtobufFieldType)] = []
        let members = message.fields.map { ($0, Optional<Int>.none) }
            + message.oneofs.enumerated().flatMap { index, oneof in oneof.fields.map { ($0, Optional(index)) } }
        for (field, oneof) in members {
            writer.message(2) { writer in
                writer.string(1, field.name)
                writer.integer(3, field.number)
                switch field.type {
                case .map(let key, let value):
                    let entry = Self.entryName(field.name)
                    mapEntries.append((entry, key, value))
                    writer.integer(4, 3)
                    writer.integer(5, 11)
                    writer.string(6, ".\(scope).\(entry)")
                default:
                    writer.integer(4, field.label == .required ? 2 : field.label == .repeated ? 3 : 1)
                    writeType(field.type, into: &writer)
                }
                if let oneof {
                    writer.integer(9, oneof)
                } else if isProto3Optional(field) {
                    writer.integer(9, syntheticOneof)
                    writer.integer(17, 1)
                    syntheticOneof += 1
                }
            }
        }
        for nested in message.nestedTypes { write(nested, scope: scope, into: &writer, nested: true) }
        for entry in mapEntries {
            writer.message(3) { writer in
                writer.string(1, entry.name)
                for (number, name, type) in [(1, "key", ProtobufFieldType.scalar(entry.key)), (2, "value", entry.value)] {
                    writer.message(2) { writer in
                        writer.string(1, name)
                        writer.integer(3, number)
                        writer.integer(4, 1)
                        writeType(type, into: &writer)
                    }
                }
                writer.message(7) { writer in writer.integer(7, 1) }
            }
        }
        for range in message.extensionRanges { writer.message(5) { writer in writeRange(range, exclusiveEnd: true, into: &writer) } }
        for oneof in message.oneofs { writer.message(8) { writer in writer.string(1, oneof.name) } }
        for field in message.fields where isProto3Optional(field) {
            writer.message(8) { writer in writer.string(1, "_" + field.name) }
        }
        for range in message.reservedNumbers { writer.message(9) { writer in writeRange(range, exclusiveEnd: true, into: &writer) } }
        for name in message.reservedNames { writer.string(10, name) }
    }

    /// Whether a field is proto3's explicit-presence `optional` (proto2 labels every field).
    private func isProto3Optional(_ field: ProtobufField) -> Bool {
        schema.file.syntax == .proto3 && field.label == .optional
    }

    private func writeType(_ type: ProtobufFieldType, into writer: inout ProtobufWireWriter) {
        switch type {
        case .scalar(let scalar): writer.integer(5, Self.scalarNumbers[scalar] ?? 9)
        case .named(_, let fullName):
            writer.integer(5, schema.types[fullName]?.isEnum == true ? 14 : 11)
            writer.string(6, "." + fullName)
        case .map: break
        }
    }

    private func write(_ enumeration: ProtobufEnum, into writer: inout ProtobufWireWriter) {
        writer.string(1, enumeration.name)
        for value in enumeration.values {
            writer.message(2) { writer in
                writer.string(1, value.name)
                writer.integer(2, value.number)
            }
        }
        if enumeration.options.contains(where: { $0.name == "allow_alias" && $0.value == "true" }) {
            writer.message(3) { writer in writer.integer(2, 1) }
        }
        for range in enumeration.reservedNumbers { writer.message(4) { writer in writeRange(range, exclusiveEnd: false, into: &writer) } }
        for name in enumeration.reservedNames { writer.string(5, name) }
    }

    private func writeRange(_ range: ClosedRange<Int>, exclusiveEnd: Bool, into writer: inout ProtobufWireWriter) {
        writer.integer(1, range.lowerBound)
        writer.integer(2, exclusiveEnd ? range.upperBound + 1 : range.upperBound)
    }

    /// protoc's name for a map field's entry message: `item_counts` → `ItemCountsEntry`.
    static func entryName(_ field: String) -> String {
        var result = ""
        var upper = true
        for character in field {
            if character == "_" {
                upper = true
            } else {
                result += upper ? character.uppercased() : String(character)
                upper = false
            }
        }
        return result + "Entry"
    }

    static let scalarNumbers: [ProtobufScalar: Int] = [
        .double: 1, .float: 2, .int64: 3, .uint64: 4, .int32: 5, .fixed64: 6, .fixed32: 7, .bool: 8, .string: 9,
        .bytes: 12, .uint32: 13, .sfixed32: 15, .sfixed64: 16, .sint32: 17, .sint64: 18,
    ]
}
