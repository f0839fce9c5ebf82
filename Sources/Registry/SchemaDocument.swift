import Compatibility
import JSON

/// A schema document with the schemas its references resolve to (docs/ARCHITECTURE.md,
/// "Confluent-compatible API"): what parsing and compatibility checks take.
public struct SchemaDocument: Sendable, Hashable {
    /// The document: parsed JSON, or for Protobuf the `.proto` text as a JSON string.
    public var json: JSONValue
    /// Every schema the references bring in, transitively, each after the ones it uses.
    public var dependencies: [SchemaDependency]

    public init(json: JSONValue, dependencies: [SchemaDependency] = []) {
        self.json = json
        self.dependencies = dependencies
    }

    /// The dependencies' texts by reference name, as Protobuf imports look them up.
    public var dependencyTexts: [String: String] {
        Dictionary(dependencies.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// An Avro schema whose named types may come from its dependencies.
    func avroSchema() throws(AvroSchemaError) -> AvroSchema {
        try AvroSchema(json: json, referenced: dependencies.map { ($0.name, $0.json) })
    }

    /// A JSON Schema whose `$ref`s may name its dependencies.
    func jsonSchema() throws(JSONSchemaError) -> JSONSchemaDocument {
        try JSONSchemaDocument(json: json, referenced: Dictionary(dependencies.map { ($0.name, $0.json) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// One schema a reference brings in: the name the referring schema uses, and the stored text.
public struct SchemaDependency: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The text as JSON (Avro and JSON Schema texts are stored as compact JSON); `null`, which
    /// no parser accepts, should it not be.
    var json: JSONValue { (try? JSONParser.parse(text)) ?? .null }
}
