/// A kind of difference between two Protobuf schemas, named as Confluent Schema Registry names it
/// (`io.confluent.kafka.schemaregistry.protobuf.diff.Difference.Type`), with Confluent's verdict.
enum ProtobufChange: String, Sendable, Hashable {
    case packageChanged = "PACKAGE_CHANGED"
    case messageAdded = "MESSAGE_ADDED"
    case messageRemoved = "MESSAGE_REMOVED"
    case messageMoved = "MESSAGE_MOVED"
    case enumAdded = "ENUM_ADDED"
    case enumRemoved = "ENUM_REMOVED"
    case enumConstantAdded = "ENUM_CONST_ADDED"
    case enumConstantChanged = "ENUM_CONST_CHANGED"
    case enumConstantRemoved = "ENUM_CONST_REMOVED"
    case fieldAdded = "FIELD_ADDED"
    case fieldRemoved = "FIELD_REMOVED"
    case requiredFieldAdded = "REQUIRED_FIELD_ADDED"
    case requiredFieldRemoved = "REQUIRED_FIELD_REMOVED"
    case fieldNameChanged = "FIELD_NAME_CHANGED"
    case fieldKindChanged = "FIELD_KIND_CHANGED"
    case fieldScalarKindChanged = "FIELD_SCALAR_KIND_CHANGED"
    case fieldNamedTypeChanged = "FIELD_NAMED_TYPE_CHANGED"
    case fieldStringOrBytesLabelChanged = "FIELD_STRING_OR_BYTES_LABEL_CHANGED"
    case fieldNumericLabelChanged = "FIELD_NUMERIC_LABEL_CHANGED"
    case oneofAdded = "ONEOF_ADDED"
    case oneofRemoved = "ONEOF_REMOVED"
    case oneofFieldAdded = "ONEOF_FIELD_ADDED"
    case oneofFieldRemoved = "ONEOF_FIELD_REMOVED"
    case multipleFieldsMovedToOneof = "MULTIPLE_FIELDS_MOVED_TO_ONEOF"
    case fieldMovedToExistingOneof = "FIELD_MOVED_TO_EXISTING_ONEOF"

    /// Whether a reader with the update schema still reads data written with the original one.
    var isCompatible: Bool {
        switch self {
        case .messageRemoved, .requiredFieldAdded, .requiredFieldRemoved, .fieldKindChanged, .fieldScalarKindChanged,
             .fieldNamedTypeChanged, .fieldNumericLabelChanged, .oneofFieldRemoved, .multipleFieldsMovedToOneof,
             .fieldMovedToExistingOneof:
            false
        default:
            true
        }
    }

    /// The finding's rule, e.g. `protobuf.field-removed`: the raw value (ASCII capitals and
    /// underscores) in lowercase with hyphens, in one pass over its bytes.
    var rule: String {
        "protobuf." + String(decoding: rawValue.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 | 0x20 }, as: UTF8.self)
    }

    /// Why the change matters (or does not) to data on the wire, for the finding's message.
    var explanation: String {
        switch self {
        case .packageChanged: "the package changed; the wire format is the same, but full type names (in Any, JSON and generated code) change"
        case .messageAdded: "a message was added; existing data never uses it"
        case .messageRemoved: "a message was removed; data of that type, or fields using it, can no longer be read; keep it or reserve its uses"
        case .messageMoved: "a message moved within its file; serialized message indexes refer to the schema they were written with, so this is compatible"
        case .enumAdded: "an enum was added"
        case .enumRemoved: "an enum was removed; fields still using its numbers read them as integers"
        case .enumConstantAdded: "an enum value was added; older readers keep it as an unknown value"
        case .enumConstantChanged: "an enum value was renamed; the number on the wire is unchanged, but JSON and code using the name break"
        case .enumConstantRemoved: "an enum value was removed; readers keep the number as an unknown value; reserve it so it is not reused"
        case .fieldAdded: "a field was added; readers without it skip it, readers with it see its default"
        case .fieldRemoved: "a field was removed; readers skip its data; reserve its number and name so they are never reused with another type"
        case .requiredFieldAdded: "a proto2 required field was added; data written without it fails to parse; make it optional"
        case .requiredFieldRemoved: "a proto2 required field was removed; older readers reject data without it; make it optional first"
        case .fieldNameChanged: "a field was renamed; the number on the wire is unchanged, but JSON and code using the name break"
        case .fieldKindChanged: "a field changed between scalar, message and map; the wire types differ, so old data is misread; add a new field with a new number instead"
        case .fieldScalarKindChanged: "a field's scalar type changed to one with another encoding (e.g. int32 to string, int32 to sint32); add a new field instead (int32↔int64↔uint32↔uint64↔bool, string↔bytes and fixed32↔sfixed32 are interchangeable)"
        case .fieldNamedTypeChanged: "a field now has another message type, or its message type changed incompatibly"
        case .fieldStringOrBytesLabelChanged: "a string or bytes field became repeated or stopped being so; the encoding is the same, the last value wins"
        case .fieldNumericLabelChanged: "a numeric field became repeated or stopped being so; repeated numbers are packed, so old readers misread them"
        case .oneofAdded: "a oneof was added around at most one existing field"
        case .oneofRemoved: "a oneof was removed; its fields stay readable"
        case .oneofFieldAdded: "a field was added to a oneof"
        case .oneofFieldRemoved: "a field was removed from a oneof; data that set it loses the oneof's value"
        case .multipleFieldsMovedToOneof: "several existing fields were moved into one oneof; data that set more than one of them loses values"
        case .fieldMovedToExistingOneof: "an existing field was moved into a oneof that already had fields; data that set both loses a value"
        }
    }
}
