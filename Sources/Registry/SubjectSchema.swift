import Compatibility
import JSON
import Protobuf

/// Where a new schema goes and how to read it: its text, type, and whether to match by the
/// normalized (Parsing Canonical) form.
public struct SchemaSubmission: Sendable, Hashable {
    public var schema: String
    public var schemaType: SchemaType
    /// Referenced schemas; not supported yet, so a non-empty list is refused (42201).
    public var referenceCount: Int
    public var normalize: Bool

    public init(schema: String, schemaType: SchemaType = .avro, referenceCount: Int = 0, normalize: Bool = false) {
        self.schema = schema
        self.schemaType = schemaType
        self.referenceCount = referenceCount
        self.normalize = normalize
    }
}

/// A submitted schema, parsed and reduced to its identity.
///
/// Identity: the type plus the schema's JSON with sorted keys and no whitespace, so key order and
/// formatting do not make a new id. With `normalize=true` an Avro schema is matched by its Parsing
/// Canonical Form instead (Avro spec "Parsing Canonical Form for Schemas"), which also ignores
/// `doc`, `aliases` and defaults; JSON Schemas have no other normal form here. A Protobuf schema's
/// identity is its formatted text (comments and layout dropped) and its normal form the
/// normalized text (fields by number, names fully qualified, options sorted).
struct SubjectSchema {
    let type: SchemaType
    /// The document the compatibility check takes (for Protobuf, the text as a JSON string).
    let json: JSONValue
    /// Sorted-key compact JSON; Protobuf's formatted text.
    let identity: String
    /// The Parsing Canonical Form for Avro, the identity for JSON Schema, the normalized text for Protobuf.
    let canonical: String
    /// Compact JSON, keys as given: what is stored and served.
    let text: String

    init(_ submission: SchemaSubmission) throws(SubjectError) {
        guard submission.referenceCount == 0 else {
            throw SubjectError(.invalidSchema, "Invalid schema: schema references are not supported by meshreg yet; inline the referenced types and send an empty references list")
        }
        guard submission.schemaType != .odcs else {
            throw SubjectError(.invalidSchema, "Invalid schema type ODCS; use AVRO, JSON or PROTOBUF")
        }
        type = submission.schemaType
        if submission.schemaType == .protobuf {
            do throws(ProtobufSchemaError) {
                let schema = try ProtobufSchema(parsing: submission.schema)
                self.json = .string(submission.schema)
                self.identity = schema.formattedText
                self.canonical = schema.canonicalText
                self.text = submission.schema
                return
            } catch {
                throw SubjectError(.invalidSchema, "Invalid schema: \(error.line):\(error.column): \(error.message)")
            }
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(submission.schema)
        } catch {
            throw SubjectError(.invalidSchema, "Invalid schema: the schema is not JSON (\(error.line):\(error.column): \(error.message))")
        }
        self.json = json
        identity = json.encoded(.sortedKeys)
        text = json.encoded()
        switch submission.schemaType {
        case .avro:
            do throws(AvroSchemaError) {
                canonical = try AvroSchema(json: json).canonicalForm
            } catch {
                throw SubjectError(.invalidSchema, "Invalid schema: \(error.message) (at \(Self.pointer(error.pointer)))")
            }
        default:
            do throws(JSONSchemaError) {
                _ = try JSONSchemaDocument(json: json)
            } catch {
                throw SubjectError(.invalidSchema, "Invalid schema: \(error.message) (at \(Self.pointer(error.pointer)))")
            }
            canonical = identity
        }
    }

    private static func pointer(_ pointer: JSONPointer) -> String {
        pointer.description.isEmpty ? "/" : pointer.description
    }
}
