import JSON

/// Why a JSON Schema document cannot be compared, and where.
public struct JSONSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable error codes.
    public enum Code: String, Sendable, Hashable {
        /// The text is not JSON.
        case invalidJSON = "json-schema.invalid-json"
        /// The JSON is not a schema of the expected shape.
        case invalidSchema = "json-schema.invalid-schema"
        /// A `$ref` is not local or names nothing.
        case unresolvableReference = "json-schema.unresolvable-reference"
        /// The schema nests deeper than the limit.
        case tooDeep = "json-schema.too-deep"
    }

    /// The stable code.
    public var code: Code
    /// Where the problem is in the schema document.
    public var pointer: JSONPointer
    /// What is wrong and how to fix it.
    public var message: String

    public var description: String { "\(code.rawValue) at \(pointer.description.isEmpty ? "/" : pointer.description): \(message)" }
}
