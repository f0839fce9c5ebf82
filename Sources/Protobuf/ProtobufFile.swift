/// A parsed, validated `.proto` file (Protocol Buffers language specification, proto2 and proto3).
public struct ProtobufFile: Sendable, Hashable {
    /// `proto2` or `proto3`; a file without a `syntax` statement is proto2.
    public var syntax: ProtobufSyntax
    /// The package, empty when none is declared.
    public var package: String
    /// The imported file paths, in order.
    public var imports: [ProtobufImport]
    /// File-level options, as written.
    public var options: [ProtobufOption]
    /// Top-level messages and enums, in declaration order.
    public var types: [ProtobufType]
    /// Services, kept so canonical text can reproduce them.
    public var services: [ProtobufService]

    /// Every message and enum of the file and its nested scopes, by full name without the leading dot.
    public var definitions: [String: ProtobufType] {
        var result: [String: ProtobufType] = [:]
        func visit(_ types: [ProtobufType], scope: String) {
            for type in types {
                let fullName = scope.isEmpty ? type.name : "\(scope).\(type.name)"
                result[fullName] = type
                if case .message(let message) = type { visit(message.nestedTypes, scope: fullName) }
            }
        }
        visit(types, scope: package)
        return result
    }
}

/// The language version a file declares.
public enum ProtobufSyntax: String, Sendable, Hashable {
    case proto2, proto3
}

/// An `import` statement.
public struct ProtobufImport: Sendable, Hashable {
    /// `public` and `weak` imports as written; plain imports have neither.
    public enum Kind: String, Sendable, Hashable { case plain, `public`, weak }
    public var path: String
    public var kind: Kind
    /// Where the statement is, for errors.
    public var position: ProtobufPosition
}

/// `option name = value;` with the value's source text (strings re-quoted).
public struct ProtobufOption: Sendable, Hashable {
    public var name: String
    public var value: String
}

/// A message or an enum.
public enum ProtobufType: Sendable, Hashable {
    case message(ProtobufMessage)
    case enumeration(ProtobufEnum)

    /// The simple name.
    public var name: String {
        switch self {
        case .message(let message): message.name
        case .enumeration(let enumeration): enumeration.name
        }
    }
}

/// A `message` definition.
public struct ProtobufMessage: Sendable, Hashable {
    public var name: String
    /// Fields outside any `oneof`, in declaration order.
    public var fields: [ProtobufField]
    /// The `oneof` groups with their fields.
    public var oneofs: [ProtobufOneof]
    /// Nested messages and enums.
    public var nestedTypes: [ProtobufType]
    /// Reserved field numbers as closed ranges, and reserved names.
    public var reservedNumbers: [ClosedRange<Int>]
    public var reservedNames: [String]
    /// Extension ranges (proto2).
    public var extensionRanges: [ClosedRange<Int>]
    public var options: [ProtobufOption]
    /// Where the name is declared, for errors.
    public var position: ProtobufPosition

    /// Every field, top level and inside `oneof`s.
    public var allFields: [ProtobufField] { fields + oneofs.flatMap(\.fields) }
}

/// A `oneof` group.
public struct ProtobufOneof: Sendable, Hashable {
    public var name: String
    public var fields: [ProtobufField]
    public var options: [ProtobufOption]
}

/// A field of a message.
public struct ProtobufField: Sendable, Hashable {
    public var name: String
    public var number: Int
    public var label: ProtobufLabel
    public var type: ProtobufFieldType
    /// Field options such as `packed` or `deprecated`, and `default` (proto2).
    public var options: [ProtobufOption]
    /// Where the field is declared, for errors.
    public var position: ProtobufPosition
}

/// A field's cardinality as written.
public enum ProtobufLabel: String, Sendable, Hashable {
    /// No label: proto3 singular, or a `oneof` member.
    case none = ""
    case optional, required, repeated
}

/// A field's type.
public indirect enum ProtobufFieldType: Sendable, Hashable {
    /// `int32`, `string`, `bytes`, …
    case scalar(ProtobufScalar)
    /// A message or enum, by the name as written and its resolved full name (no leading dot).
    case named(written: String, fullName: String)
    /// `map<K, V>`.
    case map(key: ProtobufScalar, value: ProtobufFieldType)
}

/// The scalar value types (Protocol Buffers "Scalar Value Types").
public enum ProtobufScalar: String, Sendable, Hashable, CaseIterable {
    case double, float, int32, int64, uint32, uint64, sint32, sint64
    case fixed32, fixed64, sfixed32, sfixed64, bool, string, bytes

    /// Whether the type may be a map key (any integral or string type).
    public var isMapKey: Bool { self != .double && self != .float && self != .bytes }
}

/// An `enum` definition.
public struct ProtobufEnum: Sendable, Hashable {
    public var name: String
    public var values: [ProtobufEnumValue]
    public var reservedNumbers: [ClosedRange<Int>]
    public var reservedNames: [String]
    public var options: [ProtobufOption]
    /// Where the name is declared, for errors.
    public var position: ProtobufPosition
}

/// One constant of an enum.
public struct ProtobufEnumValue: Sendable, Hashable {
    public var name: String
    public var number: Int
    public var options: [ProtobufOption]
    /// Where the name is declared, for errors.
    public var position: ProtobufPosition
}

/// A `service` with its methods.
public struct ProtobufService: Sendable, Hashable {
    public var name: String
    public var methods: [ProtobufMethod]
    public var options: [ProtobufOption]
}

/// An `rpc` of a service.
public struct ProtobufMethod: Sendable, Hashable {
    public var name: String
    public var input: String
    public var inputStreams: Bool
    public var output: String
    public var outputStreams: Bool
    public var options: [ProtobufOption]
}
