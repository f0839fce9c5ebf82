import JSON

/// A JSON Schema document (draft-07, 2019-09 or 2020-12) loaded for compatibility checks, with its
/// local `$ref` targets (`#/definitions/…`, `#/$defs/…`) resolved.
public struct JSONSchemaDocument: Sendable {
    /// The document as given.
    public let json: JSONValue
    /// The dialect named by `$schema`.
    public let draft: JSONSchemaDraft
    let root: JSONSchemaNode
    let references: [JSONPointer: JSONSchemaNode]

    /// Loads a schema document, refusing non-schemas and unresolvable references with the pointer of the problem.
    public init(json: JSONValue) throws(JSONSchemaError) {
        try self.init(json: json, referenced: [:])
    }

    /// Loads a schema whose `$ref`s may name `referenced` documents (Confluent schema references):
    /// `"name"` or `"name#/pointer"`. Their nodes sit under `/$referenced/<name>` in findings.
    public init(json: JSONValue, referenced: [String: JSONValue]) throws(JSONSchemaError) {
        let draft = JSONSchemaDraft(schemaURI: json["$schema"]?.stringValue)
        var loader = JSONSchemaLoader(document: json, draft: draft, referenced: referenced)
        self.root = try loader.load(json, at: .root, depth: 0)
        self.references = try loader.loadReferences()
        self.json = json
        self.draft = draft
    }

    /// Parses and loads schema text.
    public init(parsing text: String) throws(JSONSchemaError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw JSONSchemaError(code: .invalidJSON, pointer: .root, message: "the schema is not JSON: \(error)")
        }
        try self.init(json: json)
    }

    /// The schema a node stands for: references are followed (a chain of references ends at the
    /// first repeat, which stays a reference).
    func resolved(_ node: JSONSchemaNode) -> JSONSchemaNode {
        var current = node
        var seen: Set<JSONPointer> = []
        while case .reference(let target) = current.kind, seen.insert(target).inserted, let next = references[target] {
            current = next
        }
        return current
    }
}
