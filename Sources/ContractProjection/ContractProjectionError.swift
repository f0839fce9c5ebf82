import JSON

/// Why a contract cannot be projected, with the JSON Pointer of the part at fault.
public struct ContractProjectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes clients match on.
    public enum Code: String, Sendable {
        /// The contract has no server of type `kafka`, or the Kafka server names no topic.
        case noKafkaServer = "no-kafka-server"
        /// A key projection was asked of an object with no `partitioned` property.
        case noKafkaKey = "no-kafka-key"
        /// The schema object the topic carries cannot be told apart from the others.
        case noSchemaObject = "no-schema-object"
        /// A property's type has no counterpart in the target schema language.
        case unmappableType = "unmappable-type"
        /// A name is not a valid name in the target schema language.
        case invalidName = "invalid-name"
        /// The server's `format` is not one the projection writes.
        case unsupportedFormat = "unsupported-format"
    }

    public var code: Code
    public var pointer: JSONPointer
    public var message: String

    public init(_ code: Code, at pointer: JSONPointer, _ message: String) {
        self.code = code
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: message`, the pointer `/` for the whole document.
    public var description: String {
        "\(pointer.description.isEmpty ? "/" : pointer.description): \(message)"
    }
}
