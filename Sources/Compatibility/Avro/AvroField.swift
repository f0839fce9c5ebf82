import JSON

/// A field of an Avro record (Avro spec "Records").
public struct AvroField: Sendable, Hashable {
    /// The field name.
    public var name: String
    /// The index of the field's type in ``AvroSchema/nodes``.
    public var type: Int
    /// The default value, already checked against the type.
    public var defaultValue: JSONValue?
    /// Alternative names a reader field may match in the writer.
    public var aliases: [String]
    /// The documentation string.
    public var doc: String?
}
