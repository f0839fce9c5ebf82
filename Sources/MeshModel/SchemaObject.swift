import JSON

/// An ODCS schema object (a table, topic, file, …) and its properties.
public struct SchemaObject: Sendable, Hashable {
    /// The object's name, e.g. `orders`.
    public var name: String
    /// The stable `id`, which identifies the object across versions when present.
    public var id: String?
    /// The name in the data source, e.g. `orders_v1`.
    public var physicalName: String?
    /// E.g. `table`, `view`, `topic`, `file`.
    public var physicalType: String?
    /// Whether the object is marked `deprecated: true` (ODCS v3.2.0).
    public var deprecated: Bool
    /// The properties (columns, fields), in document order.
    public var properties: [SchemaProperty]
    /// The object as written, for fields not modelled here.
    public var json: JSONValue
    /// Where the object is, e.g. `/schema/0`.
    public var pointer: JSONPointer

    /// Reads an object already checked against ``ODCSShapes/schemaObject``; nil without a string `name`.
    init?(object: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) {
        let properties = SchemaProperty.list(in: object, at: pointer, depth: 1, reader: &reader)
        reader.contextAndSynonyms(in: object, at: pointer)
        reader.relationships(in: object, shape: ODCSShapes.objectRelationship, at: pointer)
        guard let name = object["name"]?.stringValue else { return nil }
        self.name = name
        self.id = object["id"]?.stringValue
        self.physicalName = object["physicalName"]?.stringValue
        self.physicalType = object["physicalType"]?.stringValue
        self.deprecated = object["deprecated"]?.boolValue ?? false
        self.properties = properties
        self.json = .object(object)
        self.pointer = pointer
    }
}
