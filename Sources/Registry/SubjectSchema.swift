import Compatibility
import JSON
import Protobuf

/// Where a new schema goes and how to read it: its text, type, references, data-contract
/// metadata and rule set, and whether to match by the normalized (Parsing Canonical) form.
/// A contract projection registers through the same value as the Confluent API.
public struct SchemaSubmission: Sendable, Hashable {
    public var schema: String
    public var schemaType: SchemaType
    /// Other registered schemas this one uses; version -1 means the latest live one.
    public var references: [SchemaReference]
    /// Nil asks for the previous version's (and the configured defaults and overrides).
    public var metadata: SchemaMetadata?
    public var ruleSet: SchemaRuleSet?
    public var normalize: Bool

    public init(schema: String, schemaType: SchemaType = .avro, references: [SchemaReference] = [], metadata: SchemaMetadata? = nil,
                ruleSet: SchemaRuleSet? = nil, normalize: Bool = false) {
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
        self.metadata = metadata
        self.ruleSet = ruleSet
        self.normalize = normalize
    }
}

/// A submitted schema, parsed with its references resolved and reduced to its identity.
///
/// Identity: the type plus the schema's JSON with sorted keys and no whitespace, so key order and
/// formatting do not make a new id. With `normalize=true` an Avro schema is matched by its Parsing
/// Canonical Form instead (Avro spec "Parsing Canonical Form for Schemas"), which also ignores
/// `doc`, `aliases` and defaults; JSON Schemas have no other normal form here. A Protobuf schema's
/// identity is its formatted text (comments and layout dropped) and its normal form the
/// normalized text (fields by number, names fully qualified, options sorted). As in Confluent,
/// the references, metadata and rule set are part of the identity: each is appended on its own
/// line (`#references …`), which no schema text's own lines can start with.
struct SubjectSchema {
    let type: SchemaType
    /// The document the compatibility check takes, with the referenced schemas.
    let document: SchemaDocument
    /// The schema text's identity and the references: what a lookup matches.
    let schemaIdentity: String
    /// The normal form (Parsing Canonical Form for Avro, the identity for JSON Schema, the
    /// normalized text for Protobuf) and the references.
    let canonical: String
    /// Compact JSON, keys as given (Protobuf: the text as given): what is stored and served.
    let text: String
    /// The references with version numbers resolved.
    let references: [SchemaReference]
    var metadata: SchemaMetadata?
    var ruleSet: SchemaRuleSet?

    /// The whole identity: same schema, references, metadata and rule set, same id.
    var identity: String { schemaIdentity + contractSuffix }

    /// The metadata and rule set as they join the identity; empty without them.
    var contractSuffix: String {
        (metadata.map { "\n#metadata " + $0.json.encoded(.sortedKeys) } ?? "") + (ruleSet.map { "\n#ruleSet " + $0.json.encoded(.sortedKeys) } ?? "")
    }

    /// Parses `submission` with `references` resolved (version numbers, not -1) and the texts
    /// they bring in; metadata and rule set are the submission's until the registration merges them.
    init(_ submission: SchemaSubmission, references: [SchemaReference] = [], dependencies: [SchemaDependency] = []) throws(SubjectError) {
        guard submission.schemaType != .odcs else {
            throw SubjectError(.invalidSchema, "Invalid schema type ODCS; use AVRO, JSON or PROTOBUF")
        }
        type = submission.schemaType
        self.references = references
        metadata = submission.metadata
        ruleSet = submission.ruleSet
        let referenceSuffix = references.isEmpty ? "" : "\n#references " + JSONValue.array(references.map(\.json)).encoded(.sortedKeys)
        if submission.schemaType == .protobuf {
            do throws(ProtobufSchemaError) {
                let document = SchemaDocument(json: .string(submission.schema), dependencies: dependencies)
                let schema = try ProtobufSchema(parsing: submission.schema, dependencies: document.dependencyTexts)
                self.document = document
                self.schemaIdentity = schema.formattedText + referenceSuffix
                self.canonical = schema.canonicalText + referenceSuffix
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
        document = SchemaDocument(json: json, dependencies: dependencies)
        schemaIdentity = json.encoded(.sortedKeys) + referenceSuffix
        text = json.encoded()
        switch submission.schemaType {
        case .avro:
            do throws(AvroSchemaError) {
                canonical = try document.avroSchema().canonicalForm + referenceSuffix
            } catch {
                throw SubjectError(.invalidSchema, "Invalid schema: \(error.message) (at \(Self.pointer(error.pointer)))")
            }
        default:
            do throws(JSONSchemaError) {
                _ = try document.jsonSchema()
            } catch {
                throw SubjectError(.invalidSchema, "Invalid schema: \(error.message) (at \(Self.pointer(error.pointer)))")
            }
            canonical = schemaIdentity
        }
    }

    private static func pointer(_ pointer: JSONPointer) -> String {
        pointer.description.isEmpty ? "/" : pointer.description
    }
}
