import Compatibility
import ContractProjection
import JSON
import MeshModel
import Protobuf

/// The schema formats the registry checks for compatibility (docs/ARCHITECTURE.md, "Compatibility").
public enum SchemaType: String, Sendable, CaseIterable {
    case avro, json, protobuf, odcs

    /// Parses a type name as the CLI and API take it (`AVRO`, `JSON` and `PROTOBUF` as Confluent spells them).
    public init?(name: String) {
        switch name.lowercased() {
        case "avro": self = .avro
        case "json", "jsonschema", "json-schema": self = .json
        case "protobuf", "proto": self = .protobuf
        case "odcs": self = .odcs
        default: return nil
        }
    }

    /// The type of a contract's projection.
    init(_ format: ProjectionFormat) {
        switch format {
        case .avro: self = .avro
        case .jsonSchema: self = .json
        case .protobuf: self = .protobuf
        }
    }

    /// The default mode: Confluent's BACKWARD for Kafka schemas, FULL for contracts, since
    /// consumers in other teams upgrade on their own schedule.
    public var defaultMode: CompatibilityMode { self == .odcs ? .full : .backward }

    /// A stored schema's text as served with Confluent's `?format=`: `serialized` turns Protobuf
    /// `.proto` text into a base64 FileDescriptorProto (what clients load into a descriptor pool);
    /// every other format and type is served as stored.
    public func served(_ text: String, format: String?, dependencies: [String: String] = [:]) -> String {
        guard self == .protobuf, format == "serialized", !ProtobufSchema.isDescriptor(text),
              let schema = try? ProtobufSchema(parsing: text, dependencies: dependencies) else { return text }
        return schema.descriptorBase64
    }

    /// A stored or submitted schema's text as the document `check` takes: parsed JSON, or for
    /// Protobuf the text itself as a JSON string (a `.proto` file is not JSON).
    public func document(text: String) throws(RegistryError) -> JSONValue {
        guard self != .protobuf else { return .string(text) }
        do {
            return try JSONParser.parse(text)
        } catch {
            throw RegistryError(.invalidDocument, "the schema is not JSON (\(error.line):\(error.column): \(error.message))")
        }
    }

    /// Checks `new` against earlier versions (oldest first). A schema that does not parse is an
    /// `invalid-document` error naming which one and where; a Protobuf schema is its text as a JSON string.
    public func check(new: JSONValue, against previous: [JSONValue], mode: CompatibilityMode) throws(RegistryError) -> CompatibilityReport {
        try check(new: SchemaDocument(json: new), against: previous.map { SchemaDocument(json: $0) }, mode: mode)
    }

    /// Checks schemas that may use schema references: each document brings the schemas its
    /// references resolve to.
    public func check(new: SchemaDocument, against previous: [SchemaDocument], mode: CompatibilityMode) throws(RegistryError) -> CompatibilityReport {
        switch self {
        case .avro:
            return try Self.run(AvroCompatibilityChecker(), new, previous, mode) { document, label throws(RegistryError) in
                do throws(AvroSchemaError) { return try document.avroSchema() } catch { throw Self.invalid(label, error.pointer, error.code.rawValue, error.message) }
            }
        case .json:
            return try Self.run(JSONSchemaCompatibilityChecker(), new, previous, mode) { document, label throws(RegistryError) in
                do throws(JSONSchemaError) { return try document.jsonSchema() } catch { throw Self.invalid(label, error.pointer, error.code.rawValue, error.message) }
            }
        case .protobuf:
            return try Self.run(ProtobufCompatibilityChecker(), new, previous, mode) { document, label throws(RegistryError) in
                guard let text = document.json.stringValue else {
                    throw Self.invalid(label, .root, ProtobufSchemaError.Code.syntax.rawValue, "a Protobuf schema is given as its .proto text, a string")
                }
                do throws(ProtobufSchemaError) { return try ProtobufSchema(parsing: text, dependencies: document.dependencyTexts) } catch {
                    throw Self.invalid(label, .root, error.code.rawValue, "\(error.line):\(error.column): \(error.message)")
                }
            }
        case .odcs:
            return try Self.run(ODCSCompatibilityChecker(), new, previous, mode) { document, label throws(RegistryError) in
                do throws(DocumentValidationError) { return try DataContract(json: document.json) } catch {
                    throw RegistryError(.invalidDocument, "\(label) is not a valid ODCS contract", issues: error.issues.map { LocatedIssue($0, source: label) })
                }
            }
        }
    }

    private static func run<Checker: SchemaCompatibilityChecker>(
        _ checker: Checker, _ new: SchemaDocument, _ previous: [SchemaDocument], _ mode: CompatibilityMode,
        parse: (SchemaDocument, String) throws(RegistryError) -> Checker.Schema
    ) throws(RegistryError) -> CompatibilityReport {
        let schema = try parse(new, "the new version")
        var earlier: [Checker.Schema] = []
        for (index, old) in previous.enumerated() { earlier.append(try parse(old, "earlier version \(index + 1)")) }
        return checker.check(new: schema, against: earlier, mode: mode)
    }

    private static func invalid(_ label: String, _ pointer: JSONPointer, _ code: String, _ message: String) -> RegistryError {
        RegistryError(.invalidDocument, "\(label) is not a valid schema: \(message)",
                      issues: [LocatedIssue(ValidationIssue(pointer: pointer, code: code, message: message), source: label)])
    }
}
