/// One change Confluent's Protobuf diff would report, at a path of names and numbers
/// (`["Order", "3"]` is field 3 of message Order, printed by Confluent as `#/Order/3`).
struct ProtobufDifference: Sendable, Hashable {
    var change: ProtobufChange
    var path: [String]
    /// Whether the path exists in the original (writer) and the update (reader) schema.
    var inOriginal: Bool
    var inUpdate: Bool

    /// Confluent's text for the difference: `FIELD_ADDED #/Order/3`.
    var confluentText: String { "\(change.rawValue) #/\(path.joined(separator: "/"))" }
}
