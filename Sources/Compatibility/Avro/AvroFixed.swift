/// An Avro fixed: a name and a size in bytes (Avro spec "Fixed").
public struct AvroFixed: Sendable, Hashable {
    /// The name, aliases and doc.
    public var named: AvroNamedType
    /// The number of bytes per value.
    public var size: Int
}
