import JSON

/// An ODCS schema property (a column or field), with nested `properties` and array `items`.
public struct SchemaProperty: Sendable, Hashable {
    /// The deepest nesting of properties read; deeper documents are refused with `too-deep`.
    public static let maximumDepth = 32

    /// The property's name; empty for an array's `items`, which ODCS lets go unnamed.
    public var name: String
    /// The stable `id`, which identifies the property across versions when present; compatibility
    /// checks match properties by it, else by name.
    public var id: String?
    /// One of string, date, timestamp, time, number, integer, object, array, boolean.
    public var logicalType: String?
    /// Bounds and formats for the logical type, e.g. `maxLength`, `minimum`.
    public var logicalTypeOptions: JSONObject?
    /// The type in the data source, e.g. `varchar(36)`.
    public var physicalType: String?
    /// Whether the value may not be null (ODCS default false).
    public var required: Bool
    /// Whether values are unique (ODCS default false).
    public var unique: Bool
    /// Whether the property is part of the primary key.
    public var primaryKey: Bool
    /// The 1-based position within a composite primary key.
    public var primaryKeyPosition: Int?
    /// E.g. `public`, `restricted`, `pii`.
    public var classification: String?
    /// The allowed values (`enum[*].value`, ODCS v3.2.0); nil when any value is allowed.
    public var enumValues: [JSONValue]?
    /// `column`, `measure` or `dimension` (ODCS v3.2.0); nil when not given (a column).
    public var semanticType: String?
    /// Whether the property is marked `deprecated: true` (ODCS v3.2.0).
    public var deprecated: Bool
    /// Nested properties of an object.
    public var properties: [SchemaProperty]
    /// The property as written, for fields not modelled here.
    public var json: JSONValue
    /// Where the property is, e.g. `/schema/0/properties/2`.
    public var pointer: JSONPointer
    /// Storage for `items`: a struct cannot hold an optional of itself directly.
    private var itemsStorage: [SchemaProperty]
    /// Storage for `map.key` and `map.value`, for the same reason.
    private var mapStorage: [SchemaProperty]

    /// The element type of an array.
    public var items: SchemaProperty? { itemsStorage.first }
    /// The key of a map (`map.key`, ODCS v3.2.0).
    public var mapKey: SchemaProperty? { mapStorage.count == 2 ? mapStorage[0] : nil }
    /// The value of a map (`map.value`, ODCS v3.2.0).
    public var mapValue: SchemaProperty? { mapStorage.count == 2 ? mapStorage[1] : nil }

    /// Reads the `properties` list of `parent`, each checked against ``ODCSShapes/property``.
    static func list(in parent: JSONObject, at pointer: JSONPointer, depth: Int, reader: inout DocumentReader) -> [SchemaProperty] {
        guard parent["properties"] != nil else { return [] }
        guard depth <= maximumDepth else {
            reader.report(
                ValidationIssue.Code.tooDeep, at: pointer / "properties",
                "properties are nested more than \(maximumDepth) levels deep; flatten the schema")
            return []
        }
        return reader.objects("properties", in: parent, shape: ODCSShapes.property, at: pointer).map { entry in
            SchemaProperty(object: entry.object, at: entry.pointer, depth: depth, reader: &reader)
        }
    }

    private init(object: JSONObject, at pointer: JSONPointer, depth: Int, reader: inout DocumentReader) {
        var items: [SchemaProperty] = []
        if case .object? = object["items"], depth >= Self.maximumDepth {
            reader.report(
                ValidationIssue.Code.tooDeep, at: pointer / "items",
                "items are nested more than \(Self.maximumDepth) levels deep; flatten the schema")
        } else if let itemsObject = reader.nestedObject("items", in: object, shape: ODCSShapes.itemProperty, at: pointer) {
            items = [SchemaProperty(object: itemsObject, at: pointer / "items", depth: depth + 1, reader: &reader)]
        }
        let properties = Self.list(in: object, at: pointer, depth: depth + 1, reader: &reader)
        let mapParts = Self.mapParts(of: object, at: pointer, depth: depth, reader: &reader)
        Self.checkTypeOfVersion(object, at: pointer, reader: &reader)
        reader.contextAndSynonyms(in: object, at: pointer)
        reader.relationships(in: object, shape: ODCSShapes.propertyRelationship, at: pointer)
        self.enumValues = Self.enumValues(of: object, at: pointer, reader: &reader)
        self.semanticType = object["semanticType"]?.stringValue
        self.deprecated = object["deprecated"]?.boolValue ?? false
        self.mapStorage = mapParts
        self.name = object["name"]?.stringValue ?? ""
        self.id = object["id"]?.stringValue
        self.logicalType = object["logicalType"]?.stringValue
        self.logicalTypeOptions = object["logicalTypeOptions"]?.objectValue
        self.physicalType = object["physicalType"]?.stringValue
        self.required = object["required"]?.boolValue ?? false
        self.unique = object["unique"]?.boolValue ?? false
        self.primaryKey = object["primaryKey"]?.boolValue ?? false
        self.primaryKeyPosition = object["primaryKeyPosition"]?.integerValue.flatMap { Int(exactly: $0) }
        self.classification = object["classification"]?.stringValue
        self.properties = properties
        self.itemsStorage = items
        self.json = .object(object)
        self.pointer = pointer
    }

    /// `map.key` and `map.value`, each read as an items property; a `map` type needs both.
    private static func mapParts(of object: JSONObject, at pointer: JSONPointer, depth: Int, reader: inout DocumentReader) -> [SchemaProperty] {
        guard let map = reader.nestedObject("map", in: object, shape: ODCSShapes.map, at: pointer) else {
            if object["logicalType"]?.stringValue == "map", object["map"] == nil {
                reader.report(
                    ValidationIssue.Code.missingField, at: pointer / "map",
                    "a property of logicalType map needs 'map' with a 'key' and a 'value' definition")
            }
            return []
        }
        guard depth < maximumDepth else {
            reader.report(ValidationIssue.Code.tooDeep, at: pointer / "map", "maps are nested more than \(maximumDepth) levels deep; flatten the schema")
            return []
        }
        let parts = ["key", "value"].compactMap { part in
            reader.nestedObject(part, in: map, shape: ODCSShapes.itemProperty, at: pointer / "map").map {
                SchemaProperty(object: $0, at: pointer / "map" / part, depth: depth + 1, reader: &reader)
            }
        }
        return parts.count == 2 ? parts : []
    }

    /// The `enum` values: at least one entry, no value twice.
    private static func enumValues(of object: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) -> [JSONValue]? {
        guard case .array(let entries)? = object["enum"] else { return nil }
        if entries.isEmpty {
            reader.report(ValidationIssue.Code.invalidValue, at: pointer / "enum", "enum is empty; list at least one allowed value or remove it")
        }
        let values = reader.objects("enum", in: object, shape: ODCSShapes.enumValue, at: pointer).compactMap { entry in
            entry.object["value"].map { (value: $0, pointer: entry.pointer) }
        }
        reader.refuseDuplicates(values.map { (name: $0.value.encoded(), pointer: $0.pointer / "value") }, "the enum value")
        return values.map(\.value)
    }

    /// A `logicalType` that ODCS v3.2.0 added (`map`, `vector`) needs a document of that version,
    /// and `vector` needs `logicalTypeOptions.dimensions`.
    private static func checkTypeOfVersion(_ object: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) {
        guard let type = object["logicalType"]?.stringValue, ODCSShapes.logicalTypesOf320.contains(type) else { return }
        if let declared = reader.declaredVersion, declared.isBefore(ODCSShapes.version320) {
            reader.report(
                ValidationIssue.Code.newerVersionField, at: pointer / "logicalType",
                "logicalType \(type) came with ODCS \(ODCSShapes.version320), but the document declares apiVersion \(declared.apiVersion); "
                    + "set apiVersion: \(ODCSShapes.version320) (`meshreg upgrade --to \(ODCSShapes.version320)`)")
        }
        if type == "vector", object["logicalTypeOptions"]?["dimensions"]?.integerValue.map({ $0 >= 1 }) != true {
            reader.report(
                ValidationIssue.Code.missingField, at: pointer / "logicalTypeOptions" / "dimensions",
                "a property of logicalType vector needs logicalTypeOptions.dimensions, an integer of at least 1")
        }
    }
}
