import JSON

/// Confluent's data-contract `metadata` of a schema version: `tags` (field path → tag names),
/// `properties` (name → value) and `sensitive` (names of properties whose values are secrets).
/// Tags and sensitive names are sets; they are kept sorted so equal metadata encode equally.
public struct SchemaMetadata: DataContractLayer {
    public var tags: [String: [String]]
    public var properties: [String: String]
    public var sensitive: [String]

    public init(tags: [String: [String]] = [:], properties: [String: String] = [:], sensitive: [String] = []) {
        self.tags = tags.mapValues { Array(Set($0)).sorted() }
        self.properties = properties
        self.sensitive = Array(Set(sensitive)).sorted()
    }

    /// At most this many tag paths, properties and sensitive names each.
    public static let maximumEntries = 1_000
    /// The longest property value (bytes of UTF-8).
    public static let maximumValueLength = 8_192

    /// Reads `metadata`, refusing anything that is not Confluent's shape with its JSON Pointer.
    public init(json: JSONValue, at pointer: JSONPointer) throws(SubjectError) {
        guard let object = json.objectValue else { throw Self.invalid(pointer, "must be an object with tags, properties and sensitive") }
        for key in object.keys where !["tags", "properties", "sensitive"].contains(key) {
            throw Self.invalid(pointer / key, "is not a metadata field; use tags, properties or sensitive")
        }
        var tags: [String: [String]] = [:]
        if let value = object["tags"], !value.isNull {
            guard let entries = value.objectValue, entries.count <= Self.maximumEntries else {
                throw Self.invalid(pointer / "tags", "must be an object of at most \(Self.maximumEntries) paths, each with an array of tag names")
            }
            for (path, names) in entries {
                tags[path] = try Self.strings(names, at: pointer / "tags" / path)
            }
        }
        var properties: [String: String] = [:]
        if let value = object["properties"], !value.isNull {
            guard let entries = value.objectValue, entries.count <= Self.maximumEntries else {
                throw Self.invalid(pointer / "properties", "must be an object of at most \(Self.maximumEntries) string properties")
            }
            for (name, text) in entries {
                guard let text = text.stringValue, text.utf8.count <= Self.maximumValueLength else {
                    throw Self.invalid(pointer / "properties" / name, "must be a string of at most \(Self.maximumValueLength) bytes")
                }
                properties[name] = text
            }
        }
        let sensitive = try object["sensitive"].map { value throws(SubjectError) in
            value.isNull ? [] : try Self.strings(value, at: pointer / "sensitive")
        } ?? []
        self.init(tags: tags, properties: properties, sensitive: sensitive)
    }

    /// Metadata the registry stored, validated when it was stored.
    init?(stored text: String) {
        guard let json = try? JSONParser.parse(text), let metadata = try? SchemaMetadata(json: json, at: .root) else { return nil }
        self = metadata
    }

    /// `other` laid over this metadata, as Confluent merges: tag paths and properties key by key
    /// (`other` wins), sensitive names united.
    public func merging(_ other: SchemaMetadata) -> SchemaMetadata {
        SchemaMetadata(tags: tags.merging(other.tags) { _, new in new }, properties: properties.merging(other.properties) { _, new in new },
                       sensitive: sensitive + other.sensitive)
    }

    /// The JSON Confluent serves, keys sorted; empty parts left out.
    public var json: JSONValue {
        var object: JSONObject = [:]
        if !properties.isEmpty {
            object["properties"] = .object(JSONObject(properties.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        if !sensitive.isEmpty { object["sensitive"] = .array(sensitive.map(JSONValue.string)) }
        if !tags.isEmpty {
            object["tags"] = .object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSONValue.string))) }))
        }
        return .object(object)
    }

    private static func strings(_ value: JSONValue, at pointer: JSONPointer) throws(SubjectError) -> [String] {
        guard let items = value.arrayValue, items.count <= maximumEntries else {
            throw invalid(pointer, "must be an array of at most \(maximumEntries) strings")
        }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue, !text.isEmpty else { throw invalid(pointer / index, "must be a non-empty string") }
            strings.append(text)
        }
        return strings
    }

    private static func invalid(_ pointer: JSONPointer, _ message: String) -> SubjectError {
        SubjectError(.invalidSchema, "Invalid metadata: \(pointer) \(message)")
    }
}
