import JSON

/// One entry of a schema's `references` (Confluent's `{name, subject, version}`): the referenced
/// schema is `subject` at `version`, and the referring schema names it `name` (an Avro full name,
/// a JSON Schema `$ref` address, a Protobuf import path). Version -1 asks for the latest live
/// version at the time of the request; stored references always carry the number.
public struct SchemaReference: Sendable, Hashable {
    public static let latestVersion = -1

    public var name: String
    public var subject: String
    public var version: Int

    public init(name: String, subject: String, version: Int) {
        self.name = name
        self.subject = subject
        self.version = version
    }

    /// Reads a `references` array, refusing anything else with the JSON Pointer of the problem.
    public static func list(json: JSONValue, at pointer: JSONPointer, limits: SchemaReferenceLimits = SchemaReferenceLimits()) throws(SubjectError) -> [SchemaReference] {
        if json.isNull { return [] }
        guard let items = json.arrayValue else {
            throw SubjectError(.invalidSchema, "Invalid schema: \(pointer) must be an array of {name, subject, version}")
        }
        guard items.count <= limits.maximumReferences else {
            throw SubjectError(.invalidSchema, "Invalid schema: \(pointer) has \(items.count) references; at most \(limits.maximumReferences) are allowed")
        }
        var references: [SchemaReference] = []
        var names: Set<String> = []
        for (index, item) in items.enumerated() {
            let at = pointer / index
            guard let name = item["name"]?.stringValue, !name.isEmpty else {
                throw SubjectError(.invalidSchema, "Invalid schema: \(at / "name") must be a non-empty string (the name the schema uses for the reference)")
            }
            guard let subject = item["subject"]?.stringValue, !subject.isEmpty else {
                throw SubjectError(.invalidSchema, "Invalid schema: \(at / "subject") must be a non-empty string (the referenced subject)")
            }
            guard let version = item["version"]?.integerValue, version == -1 || (version >= 1 && version <= Int64(Int32.max)) else {
                throw SubjectError(.invalidSchema, "Invalid schema: \(at / "version") must be a version number from 1, or -1 for the latest version")
            }
            guard names.insert(name).inserted else {
                throw SubjectError(.invalidSchema, "Invalid schema: \(at / "name") repeats the reference name '\(name)'; each reference needs its own name")
            }
            references.append(SchemaReference(name: name, subject: subject, version: Int(version)))
        }
        return references
    }

    /// The JSON Confluent serves: `{"name", "subject", "version"}`.
    public var json: JSONValue {
        ["name": .string(name), "subject": .string(subject), "version": .integer(Int64(version))]
    }
}

/// Bounds on schema references, so one registration cannot make the registry load without end.
public struct SchemaReferenceLimits: Sendable, Hashable {
    /// Direct references of one schema.
    public var maximumReferences = 64
    /// Levels of references of references.
    public var maximumDepth = 16
    /// Schemas loaded to resolve one schema, all levels together.
    public var maximumResolved = 256

    public init() {}
}
