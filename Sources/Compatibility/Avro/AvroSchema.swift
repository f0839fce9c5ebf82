import JSON

/// A parsed, validated Avro schema (Avro specification 1.12): a graph of typed nodes.
///
/// Named types are defined once and referred to by index, so recursive records are plain cycles.
public struct AvroSchema: Sendable, Hashable {
    /// Every type in the schema; complex types refer to others by index.
    public let nodes: [AvroNode]
    /// The index of the top-level type.
    public let root: Int
    /// The schema document as given.
    public let json: JSONValue
    /// The flat form resolution walks; derived from `nodes`, so equality and hashing leave it out.
    let resolutionIndex: AvroResolutionIndex

    /// Parses and validates a schema document, refusing invalid ones with the JSON Pointer of the problem.
    public init(json: JSONValue) throws(AvroSchemaError) {
        try self.init(json: json, referenced: [])
    }

    /// Parses a schema that may use the named types of `referenced` schemas (Confluent schema
    /// references), given so that each comes after the schemas it uses itself.
    public init(json: JSONValue, referenced: [(name: String, json: JSONValue)]) throws(AvroSchemaError) {
        var parser = AvroSchemaParser()
        for dependency in referenced {
            do throws(AvroSchemaError) {
                _ = try parser.parse(dependency.json, at: .root, namespace: nil, depth: 0)
            } catch {
                throw AvroSchemaError(code: error.code, pointer: error.pointer, message: "in the referenced schema '\(dependency.name)': \(error.message)")
            }
        }
        let root = try parser.parse(json, at: .root, namespace: nil, depth: 0)
        try parser.validateDefaults()
        self.nodes = parser.nodes
        self.root = root
        self.json = json
        self.resolutionIndex = AvroResolutionIndex(nodes: parser.nodes)
    }

    /// Parses schema text, e.g. `{"type": "record", …}` or `"string"`.
    public init(parsing text: String) throws(AvroSchemaError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw AvroSchemaError(code: .invalidJSON, pointer: .root, message: "the schema is not JSON: \(error)")
        }
        try self.init(json: json)
    }

    /// The top-level node.
    public var rootNode: AvroNode { nodes[root] }

    /// The Parsing Canonical Form (Avro spec "Parsing Canonical Form for Schemas"), written on
    /// each call: most checks never need it, so parsing does not pay for it.
    public var canonicalForm: String { AvroCanonicalForm.text(of: root, in: nodes) }

    public static func == (lhs: AvroSchema, rhs: AvroSchema) -> Bool {
        lhs.root == rhs.root && lhs.nodes == rhs.nodes && lhs.json == rhs.json
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodes)
        hasher.combine(root)
        hasher.combine(json)
    }
}
