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
    /// Nested properties of an object.
    public var properties: [SchemaProperty]
    /// The property as written, for fields not modelled here.
    public var json: JSONValue
    /// Where the property is, e.g. `/schema/0/properties/2`.
    public var pointer: JSONPointer
    /// Storage for `items`: a struct cannot hold an optional of itself directly.
    private var itemsStorage: [SchemaProperty]

    /// The element type of an array.
    public var items: SchemaProperty? { itemsStorage.first }

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
}
