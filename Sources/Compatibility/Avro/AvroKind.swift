/// The type of an Avro schema node; complex types refer to other nodes by index in ``AvroSchema/nodes``.
public enum AvroKind: Sendable, Hashable {
    /// The primitive types (Avro spec "Primitive Types").
    case null, boolean, int, long, float, double, bytes, string
    /// A record with its fields.
    case record(AvroRecord)
    /// An enum with its symbols.
    case enumeration(AvroEnum)
    /// An array of the node at `items`.
    case array(items: Int)
    /// A map from strings to the node at `values`.
    case map(values: Int)
    /// A union of the nodes at `branches`, in order.
    case union(branches: [Int])
    /// A fixed-size byte string.
    case fixed(AvroFixed)

    /// The Avro type name: `int`, `record`, `union`, ….
    public var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .record: "record"
        case .enumeration: "enum"
        case .array: "array"
        case .map: "map"
        case .union: "union"
        case .fixed: "fixed"
        }
    }

    /// The name of a record, enum or fixed.
    public var named: AvroNamedType? {
        switch self {
        case .record(let record): record.named
        case .enumeration(let enumeration): enumeration.named
        case .fixed(let fixed): fixed.named
        default: nil
        }
    }

    /// The type name, followed by the full name for named types, for messages.
    var summary: String { named.map { "\(typeName) \($0.name.fullName)" } ?? typeName }

    /// The primitive kind named `name`, or nil (Avro spec "Primitive Types").
    static func primitive(named name: String) -> AvroKind? {
        switch name {
        case "null": .null
        case "boolean": .boolean
        case "int": .int
        case "long": .long
        case "float": .float
        case "double": .double
        case "bytes": .bytes
        case "string": .string
        default: nil
        }
    }
}
