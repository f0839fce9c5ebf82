import JSON

extension DataContract {
    /// Problems under the registry's rules that need no store, in document order.
    ///
    /// As for products: `id` matches the pattern; `name`, a SemVer `version` and `domain` are
    /// required; `status` is one of ``LifecycleStatus``. `domain` is required because a contract
    /// belongs to its product's domain (a contract's domain must equal its product's, and it
    /// lives under `Domains/<domain>/contracts/`), and the version must be SemVer because the semver
    /// gate classifies each change against it. `team` is optional: ownership comes from the
    /// product's team, and when `team.name` is given the Registry checks that it equals the
    /// product's. `compatibility` must be one of ``compatibilityModes``; schema objects, and the
    /// properties of each object, have unique names and ids, since compatibility checks match them by
    /// id, else by name.
    public var registrationIssues: [ValidationIssue] {
        var reader = DocumentReader()
        reader.requireCommonFields(
            id: id, name: name, versionText: versionText, domain: domain, statusText: statusText,
            customProperties: customPropertyEntries, subject: "data contract")
        reader.requireHint("compatibility", in: customPropertyEntries, allowed: Self.compatibilityModes)
        if teamName?.isEmpty == true {
            reader.report(
                ValidationIssue.Code.missingField, at: .root / "team" / "name",
                "team.name is empty; name the owning team or leave team out to use the product's")
        }
        reader.refuseDuplicates(schemaObjects.map { (name: $0.name, pointer: $0.pointer / "name") }, "the schema object")
        reader.refuseDuplicates(
            schemaObjects.compactMap { object in object.id.map { (name: $0, pointer: object.pointer / "id") } }, "the schema object id")
        for object in schemaObjects { Self.refuseDuplicateProperties(in: object.properties, reader: &reader) }
        return reader.issuesInDocumentOrder(of: json)
    }

    private static func refuseDuplicateProperties(in properties: [SchemaProperty], reader: inout DocumentReader) {
        reader.refuseDuplicates(properties.map { (name: $0.name, pointer: $0.pointer / "name") }, "the property")
        reader.refuseDuplicates(
            properties.compactMap { property in property.id.map { (name: $0, pointer: property.pointer / "id") } }, "the property id")
        for property in properties {
            refuseDuplicateProperties(in: property.properties, reader: &reader)
            if let items = property.items { refuseDuplicateProperties(in: items.properties, reader: &reader) }
        }
    }
}
