/// An Avro record: its name and fields (Avro spec "Records").
public struct AvroRecord: Sendable, Hashable {
    /// The name, aliases and doc.
    public var named: AvroNamedType
    /// The fields in order.
    public var fields: [AvroField]
    /// The position of each field by name, for lookups while resolving.
    var positions: [String: Int]

    init(named: AvroNamedType, fields: [AvroField]) {
        self.named = named
        self.fields = fields
        var positions: [String: Int] = [:]
        positions.reserveCapacity(fields.count)
        for (position, field) in fields.enumerated() { positions[field.name] = position }
        self.positions = positions
    }
}
