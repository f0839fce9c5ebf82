import JSON

/// One type in a parsed Avro schema: its kind, logical type and where it is defined.
public struct AvroNode: Sendable, Hashable {
    /// The type.
    public var kind: AvroKind
    /// The logical type annotating it, when one the specification defines is present.
    public var logicalType: AvroLogicalType?
    /// Where the type is defined in the schema document.
    public var pointer: JSONPointer
}
