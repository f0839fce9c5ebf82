import JSON
import MeshModel

/// Confluent's `metadata` for a projected subject version (docs/contract-projection.md,
/// "Metadata"): `tags` by field path from each property's `tags` and `classification`, and
/// `properties` naming the owning team, the domain and the contract version.
enum ProjectionMetadata {
    /// Keys of `metadata.properties`.
    static let ownerKey = "owner", domainKey = "domain", contractKey = "contract"

    static func json(of contract: DataContract, object: SchemaObject, record: ProjectedRecord) -> JSONValue {
        var tags = JSONObject()
        collectTags(object.properties, fields: record.fields, path: record.name, into: &tags)
        var properties = JSONObject()
        if let team = contract.teamName { properties[ownerKey] = .string(team) }
        if let domain = contract.domain { properties[domainKey] = .string(domain) }
        properties[contractKey] = .string("\(contract.id)@\(contract.versionText)")
        var metadata = JSONObject()
        if !tags.isEmpty { metadata["tags"] = .object(tags) }
        metadata["properties"] = .object(properties)
        return .object(metadata)
    }

    /// The tags of one property: its `tags` as written, then its classification in upper case
    /// unless it is `public` (public data needs no handling tag).
    static func tags(of property: SchemaProperty) -> [String] {
        var tags = (property.json["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        if let classification = property.classification, classification.lowercased() != "public" {
            let tag = classification.uppercased()
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    private static func collectTags(_ properties: [SchemaProperty], fields: [ProjectedField], path: String, into tags: inout JSONObject) {
        for (property, field) in zip(properties, fields) {
            let fieldPath = "\(path).\(field.name)"
            let own = Self.tags(of: property)
            if !own.isEmpty { tags[fieldPath] = .array(own.map { .string($0) }) }
            switch field.type {
            case .record(let nested):
                collectTags(property.properties, fields: nested.fields, path: fieldPath, into: &tags)
            case .array(.record(let nested)):
                if let items = property.items { collectTags(items.properties, fields: nested.fields, path: fieldPath, into: &tags) }
            default: break
            }
        }
    }
}
