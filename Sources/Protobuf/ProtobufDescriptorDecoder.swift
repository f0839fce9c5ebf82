/// Reads a schema sent as a base64 `google.protobuf.FileDescriptorProto` (what Confluent's
/// serializers register) into the same `ProtobufFile` the text parser builds; type names keep
/// their leading dot and are resolved like written ones.
enum ProtobufDescriptorDecoder {
    /// Whether `text` can only be base64: no character of `.proto` syntax (space, `;`, `"`, `{`).
    static func looksLikeBase64(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
    }

    /// Decodes base64 text holding a FileDescriptorProto.
    static func decode(base64 text: String, limits: ProtobufLimits) throws(ProtobufSchemaError) -> ProtobufFile {
        guard let bytes = Base64.decode(text) else {
            throw ProtobufSchemaError(.syntax, at: ProtobufPosition(line: 1, column: 1), "the schema is neither .proto text nor valid base64")
        }
        guard bytes.count <= limits.maxBytes else {
            throw ProtobufSchemaError(.limitExceeded, at: ProtobufPosition(line: 1, column: 1), "the descriptor is \(bytes.count) bytes; at most \(limits.maxBytes) are accepted")
        }
        var decoder = Decoder(limits: limits)
        return try decoder.file(bytes[...])
    }

    private struct Decoder {
        let limits: ProtobufLimits
        var definitions = 0
        var syntax = ProtobufSyntax.proto2
        let position = ProtobufPosition(line: 1, column: 1)

        init(limits: ProtobufLimits) { self.limits = limits }

        mutating func countDefinition() throws(ProtobufSchemaError) {
            definitions += 1
            guard definitions <= limits.maxDefinitions else {
                throw ProtobufSchemaError(.limitExceeded, at: position, "the descriptor has more than \(limits.maxDefinitions) messages, enums, fields and values")
            }
        }

        mutating func file(_ bytes: ArraySlice<UInt8>) throws(ProtobufSchemaError) -> ProtobufFile {
            var reader = ProtobufWireReader(bytes)
            var file = ProtobufFile(syntax: .proto2, package: "", imports: [], options: [], types: [], services: [])
            var messages: [ArraySlice<UInt8>] = []
            var enums: [ArraySlice<UInt8>] = []
            var services: [ArraySlice<UInt8>] = []
            var publicIndexes: Set<Int> = []
            var weakIndexes: Set<Int> = []
            while let (field, wireType) = try reader.nextTag() {
                switch (field, wireType) {
                case (2, 2): file.package = try reader.string()
                case (3, 2): file.imports.append(ProtobufImport(path: try reader.string(), kind: .plain, position: position))
                case (4, 2): messages.append(try reader.lengthDelimited())
                case (5, 2): enums.append(try reader.lengthDelimited())
                case (6, 2): services.append(try reader.lengthDelimited())
                case (10, 0): publicIndexes.insert(try reader.int32())
                case (11, 0): weakIndexes.insert(try reader.int32())
                case (12, 2):
                    let name = try reader.string()
                    guard let declared = ProtobufSyntax(rawValue: name) else {
                        throw ProtobufSchemaError(.syntax, at: position, "the descriptor's syntax is \"\(name)\"; only proto2 and proto3 are supported")
                    }
                    syntax = declared
                default: try reader.skip(wireType: wireType)
                }
            }
            file.syntax = syntax
            for index in file.imports.indices {
                file.imports[index].kind = publicIndexes.contains(index) ? .public : weakIndexes.contains(index) ? .weak : .plain
            }
            for bytes in messages { file.types.append(.message(try message(bytes, depth: 1))) }
            for bytes in enums { file.types.append(.enumeration(try enumeration(bytes))) }
            for bytes in services { file.services.append(try service(bytes)) }
            return file
        }

        mutating func message(_ bytes: ArraySlice<UInt8>, depth: Int) throws(ProtobufSchemaError) -> ProtobufMessage {
            guard depth <= limits.maxDepth else { throw ProtobufSchemaError(.limitExceeded, at: position, "messages nest deeper than \(limits.maxDepth) levels") }
            var reader = ProtobufWireReader(bytes)
            try countDefinition()
            var message = ProtobufMessage(name: "", fields: [], oneofs: [], nestedTypes: [], reservedNumbers: [], reservedNames: [], extensionRanges: [], options: [], position: position)
            var fields: [(field: ProtobufField, oneof: Int?, mapEntryType: String?)] = []
            var nested: [(message: ProtobufMessage, isMapEntry: Bool)] = []
            var oneofNames: [String] = []
            while let (field, wireType) = try reader.nextTag() {
                switch (field, wireType) {
                case (1, 2): message.name = try reader.string()
                case (2, 2): fields.append(try self.field(try reader.lengthDelimited()))
                case (3, 2):
                    let bytes = try reader.lengthDelimited()
                    nested.append((try self.message(bytes, depth: depth + 1), try Self.isMapEntry(bytes)))
                case (4, 2): message.nestedTypes.append(.enumeration(try enumeration(try reader.lengthDelimited())))
                case (5, 2): message.extensionRanges.append(try range(try reader.lengthDelimited(), endIsExclusive: true))
                case (8, 2): oneofNames.append(try Self.name(try reader.lengthDelimited()))
                case (9, 2): message.reservedNumbers.append(try range(try reader.lengthDelimited(), endIsExclusive: true))
                case (10, 2): message.reservedNames.append(try reader.string())
                default: try reader.skip(wireType: wireType)
                }
            }
            let mapEntries = Dictionary(nested.filter(\.isMapEntry).map { ($0.message.name, $0.message) }, uniquingKeysWith: { first, _ in first })
            message.nestedTypes = nested.filter { !$0.isMapEntry }.map { .message($0.message) } + message.nestedTypes
            message.oneofs = oneofNames.map { ProtobufOneof(name: $0, fields: [], options: []) }
            for (var field, oneof, typeName) in fields {
                if let typeName, field.label == .repeated, let entry = mapEntries[String(typeName.split(separator: ".").last ?? "")],
                   let key = entry.fields.first(where: { $0.number == 1 }), case .scalar(let keyType) = key.type,
                   let value = entry.fields.first(where: { $0.number == 2 }) {
                    field.type = .map(key: keyType, value: value.type)
                    field.label = .none
                }
                if let oneof, message.oneofs.indices.contains(oneof) {
                    message.oneofs[oneof].fields.append(field)
                } else {
                    message.fields.append(field)
                }
            }
            message.oneofs.removeAll { $0.fields.isEmpty }
            return message
        }

        /// A field, its oneof index, and its type name when it names a message (a possible map entry).
        mutating func field(_ bytes: ArraySlice<UInt8>) throws(ProtobufSchemaError)
            -> (field: ProtobufField, oneof: Int?, mapEntryType: String?) {
            var reader = ProtobufWireReader(bytes)
            try countDefinition()
            var name = ""
            var number = 0
            var label = 1
            var type = 0
            var typeName = ""
            var oneof: Int?
            var proto3Optional = false
            var options: [ProtobufOption] = []
            while let (field, wireType) = try reader.nextTag() {
                switch (field, wireType) {
                case (1, 2): name = try reader.string()
                case (3, 0): number = try reader.int32()
                case (4, 0): label = try reader.int32()
                case (5, 0): type = try reader.int32()
                case (6, 2): typeName = try reader.string()
                case (7, 2): options.append(ProtobufOption(name: "default", value: ProtobufParser.quoted(try reader.string())))
                case (9, 0): oneof = try reader.int32()
                case (17, 0): proto3Optional = try reader.varint() != 0
                default: try reader.skip(wireType: wireType)
                }
            }
            let fieldType: ProtobufFieldType
            if let scalar = Self.scalars[type] {
                fieldType = .scalar(scalar)
            } else if [10, 11, 14].contains(type) || (type == 0 && !typeName.isEmpty) {
                fieldType = .named(written: typeName, fullName: "")
            } else {
                throw reader.error("field \(name) with type \(type), which is not a field type")
            }
            let writtenLabel: ProtobufLabel = switch label {
            case 2: .required
            case 3: .repeated
            default: syntax == .proto3 && !proto3Optional ? .none : .optional
            }
            let field = ProtobufField(name: name, number: number, label: writtenLabel, type: fieldType, options: options, position: position)
            return (field, proto3Optional ? nil : oneof, type == 11 ? typeName : nil)
        }

        mutating func enumeration(_ bytes: ArraySlice<UInt8>) throws(ProtobufSchemaError) -> ProtobufEnum {
            var reader = ProtobufWireReader(bytes)
            try countDefinition()
            var result = ProtobufEnum(name: "", values: [], reservedNumbers: [], reservedNames: [], options: [], position: position)
            while let (field, wireType) = try reader.nextTag() {
                switch (field, wireType) {
                case (1, 2): result.name = try reader.string()
                case (2, 2):
                    var value = ProtobufWireReader(try reader.lengthDelimited())
                    try countDefinition()
                    var constant = ProtobufEnumValue(name: "", number: 0, options: [], position: position)
                    while let (field, wireType) = try value.nextTag() {
                        switch (field, wireType) {
                        case (1, 2): constant.name = try value.string()
                        case (2, 0): constant.number = try value.int32()
                        default: try value.skip(wireType: wireType)
                        }
                    }
                    result.values.append(constant)
                case (3, 2):
                    var options = ProtobufWireReader(try reader.lengthDelimited())
                    while let (field, wireType) = try options.nextTag() {
                        if field == 2, wireType == 0 {
                            result.options.append(ProtobufOption(name: "allow_alias", value: try options.varint() != 0 ? "true" : "false"))
                        } else {
                            try options.skip(wireType: wireType)
                        }
                    }
                case (4, 2): result.reservedNumbers.append(try range(try reader.lengthDelimited(), endIsExclusive: false))
                case (5, 2): result.reservedNames.append(try reader.string())
                default: try reader.skip(wireType: wireType)
                }
            }
            return result
        }

        mutating func service(_ bytes: ArraySlice<UInt8>) throws(ProtobufSchemaError) -> ProtobufService {
            var reader = ProtobufWireReader(bytes)
            var service = ProtobufService(name: "", methods: [], options: [])
            while let (field, wireType) = try reader.nextTag() {
                switch (field, wireType) {
                case (1, 2): service.name = try reader.string()
                case (2, 2):
                    var method = ProtobufWireReader(try reader.lengthDelimited())
                    var rpc = ProtobufMethod(name: "", input: "", inputStreams: false, output: "", outputStreams: false, options: [])
                    while let (field, wireType) = try method.nextTag() {
                        switch (field, wireType) {
                        case (1, 2): rpc.name = try method.string()
                        case (2, 2): rpc.input = try method.string()
                        case (3, 2): rpc.output = try method.string()
                        case (5, 0): rpc.inputStreams = try method.varint() != 0
                        case (6, 0): rpc.outputStreams = try method.varint() != 0
                        default: try method.skip(wireType: wireType)
                        }
                    }
                    service.methods.append(rpc)
                default: try reader.skip(wireType: wireType)
                }
            }
            return service
        }

        /// A reserved or extension range: `start` (1) and `end` (2), exclusive in messages, inclusive in enums.
        func range(_ bytes: ArraySlice<UInt8>, endIsExclusive: Bool) throws(ProtobufSchemaError) -> ClosedRange<Int> {
            var reader = ProtobufWireReader(bytes)
            var start = 0
            var end = 0
            while let (field, wireType) = try reader.nextTag() {
                switch (field, wireType) {
                case (1, 0): start = try reader.int32()
                case (2, 0): end = try reader.int32()
                default: try reader.skip(wireType: wireType)
                }
            }
            let last = endIsExclusive ? min(end - 1, ProtobufField.maximumNumber) : end
            guard start <= last else { throw reader.error("an empty range \(start) to \(end)") }
            return start...last
        }

        static func name(_ bytes: ArraySlice<UInt8>) throws(ProtobufSchemaError) -> String {
            var reader = ProtobufWireReader(bytes)
            var name = ""
            while let (field, wireType) = try reader.nextTag() {
                if field == 1, wireType == 2 { name = try reader.string() } else { try reader.skip(wireType: wireType) }
            }
            return name
        }

        /// Whether a nested DescriptorProto has `options.map_entry = true` (MessageOptions field 7).
        static func isMapEntry(_ bytes: ArraySlice<UInt8>) throws(ProtobufSchemaError) -> Bool {
            var reader = ProtobufWireReader(bytes)
            while let (field, wireType) = try reader.nextTag() {
                guard field == 7, wireType == 2 else {
                    try reader.skip(wireType: wireType)
                    continue
                }
                var options = ProtobufWireReader(try reader.lengthDelimited())
                while let (option, optionWireType) = try options.nextTag() {
                    if option == 7, optionWireType == 0 { return try options.varint() != 0 }
                    try options.skip(wireType: optionWireType)
                }
            }
            return false
        }

        /// FieldDescriptorProto.Type numbers of the scalar types.
        static let scalars: [Int: ProtobufScalar] = [
            1: .double, 2: .float, 3: .int64, 4: .uint64, 5: .int32, 6: .fixed64, 7: .fixed32, 8: .bool, 9: .string,
            12: .bytes, 13: .uint32, 15: .sfixed32, 16: .sfixed64, 17: .sint32, 18: .sint64,
        ]
    }
}
