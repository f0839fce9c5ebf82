/// An Avro enum: its name, symbols and optional default symbol (Avro spec "Enums").
public struct AvroEnum: Sendable, Hashable {
    /// The name, aliases and doc.
    public var named: AvroNamedType
    /// The symbols in order.
    public var symbols: [String]
    /// The symbol a reader uses for writer symbols it does not know.
    public var defaultSymbol: String?
}
