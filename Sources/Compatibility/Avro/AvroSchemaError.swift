import JSON

/// Why an Avro schema was refused, and where (Avro spec "Schema Declaration").
public struct AvroSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable error codes.
    public enum Code: String, Sendable, Hashable {
        /// The text is not JSON.
        case invalidJSON = "avro.invalid-json"
        /// The JSON is not a schema of the expected shape.
        case invalidSchema = "avro.invalid-schema"
        /// A type name is neither primitive nor defined earlier.
        case unknownType = "avro.unknown-type"
        /// A name, namespace or symbol breaks the naming rules.
        case invalidName = "avro.invalid-name"
        /// A type, field or symbol name is defined twice.
        case duplicateName = "avro.duplicate-name"
        /// A union nests a union or repeats a type.
        case invalidUnion = "avro.invalid-union"
        /// A default does not match its type.
        case invalidDefault = "avro.invalid-default"
        /// A known logical type has the wrong underlying type or parameters.
        case invalidLogicalType = "avro.invalid-logical-type"
        /// The schema nests deeper than the limit.
        case tooDeep = "avro.too-deep"
    }

    /// The stable code.
    public var code: Code
    /// Where the problem is in the schema document.
    public var pointer: JSONPointer
    /// What is wrong and how to fix it.
    public var message: String

    public var description: String { "\(code.rawValue) at \(pointer.description.isEmpty ? "/" : pointer.description): \(message)" }
}
