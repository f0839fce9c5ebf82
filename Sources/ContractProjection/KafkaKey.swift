import JSON
import MeshModel

/// The Kafka key a schema object declares (docs/contract-projection.md, "Keys"): Kafka places a
/// record on its partition by the key, so the object's top-level properties marked ODCS
/// `partitioned: true` form it, in `partitionKeyPosition` order (unpositioned ones after, in
/// contract order).
enum KafkaKey {
    /// The key's properties; empty when the object declares no key.
    static func properties(of object: SchemaObject) -> [SchemaProperty] {
        object.properties.enumerated()
            .filter { $0.element.json["partitioned"] == .bool(true) }
            .sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }
            .map(\.element)
    }

    /// The key as a schema object of its own, the record `<object name>Key`, keeping the object's
    /// pointers (errors point into the contract) and its `namespace` but not its object-level
    /// quality checks, which are about the dataset.
    static func object(of object: SchemaObject) throws(ContractProjectionError) -> SchemaObject {
        let keyProperties = properties(of: object)
        guard !keyProperties.isEmpty else {
            throw ContractProjectionError(.noKafkaKey, at: object.pointer / "properties",
                                          "no property of \(object.name) has partitioned: true; mark the properties that form the Kafka key with partitioned: true (and partitionKeyPosition)")
        }
        var key = object
        key.name = object.name + "Key"
        key.properties = keyProperties
        if case .object(var json) = object.json {
            json["quality"] = nil
            json["description"] = .string("The Kafka key of \(object.name): " + keyProperties.map(\.name).joined(separator: ", ") + ".")
            key.json = .object(json)
        }
        return key
    }

    /// `partitionKeyPosition` when it is a position (from 1), else after every positioned one.
    private static func position(_ property: SchemaProperty) -> Int {
        guard let position = property.json["partitionKeyPosition"]?.integerValue, position >= 1 else { return Int.max }
        return Int(position)
    }
}
