import JSON
import MeshModel

/// One reader/writer walk over two contracts' schemas, collecting findings.
struct ODCSComparison {
    let direction: CompatibilityDirection
    private(set) var findings: [CompatibilityFinding] = []

    init(direction: CompatibilityDirection) {
        self.direction = direction
    }

    mutating func compareObjects(reader: [SchemaObject], writer: [SchemaObject]) {
        let matcher = ODCSIdentityMatcher(reader: reader.map { ($0.id, $0.name) }, writer: writer.map { ($0.id, $0.name) })
        for index in matcher.readerOnly {
            let object = reader[index]
            if direction.readerIsNew {
                add("odcs.object-added", .additive, reader: object.pointer, writer: nil, expected: "absent", found: "object '\(object.name)'",
                    message: "object '\(object.name)' was added")
            } else {
                add("odcs.object-removed", .breaking, reader: object.pointer, writer: nil, expected: "object '\(object.name)'", found: "absent",
                    message: "object '\(object.name)' was removed; consumers reading it break — deprecate it in a new major version instead")
            }
        }
        for index in matcher.writerOnly {
            let object = writer[index]
            add(direction.writerOnly(added: "odcs.object-added", removed: "odcs.object-removed"), .additive,
                reader: nil, writer: object.pointer, expected: "object '\(object.name)'", found: "absent",
                message: "object '\(object.name)' exists only in the producing version; consumers not reading it are unaffected")
        }
        for pair in matcher.pairs {
            let readerObject = reader[pair.reader]
            let writerObject = writer[pair.writer]
            compareIdentity(
                kind: "object", readerName: readerObject.name, writerName: writerObject.name,
                readerPhysical: readerObject.physicalName, writerPhysical: writerObject.physicalName,
                reader: readerObject.pointer, writer: writerObject.pointer)
            compareMetadata(readerObject.json, writerObject.json, reader: readerObject.pointer, writer: writerObject.pointer)
            compareRelationships(readerObject.json, writerObject.json, reader: readerObject.pointer, writer: writerObject.pointer)
            compareProperties(reader: readerObject.properties, writer: writerObject.properties)
        }
    }

    mutating func compareProperties(reader: [SchemaProperty], writer: [SchemaProperty]) {
        let matcher = ODCSIdentityMatcher(reader: reader.map { ($0.id, $0.name) }, writer: writer.map { ($0.id, $0.name) })
        for index in matcher.readerOnly {
            let property = reader[index]
            if !direction.readerIsNew {
                add("odcs.property-removed", .breaking, reader: property.pointer, writer: nil,
                    expected: "property '\(property.name)'", found: "absent",
                    message: "property '\(property.name)' was removed; consumers that read it break — keep it (deprecated) or bump the major version")
            } else if property.required {
                add("odcs.required-property-added", .breaking, reader: property.pointer, writer: nil,
                    expected: "an optional property (earlier data lacks '\(property.name)')", found: "required property '\(property.name)'",
                    message: "required property '\(property.name)' was added; data written before lacks it — make it optional")
            } else {
                add("odcs.property-added", .additive, reader: property.pointer, writer: nil,
                    expected: "absent", found: "optional property '\(property.name)'", message: "optional property '\(property.name)' was added")
            }
        }
        for index in matcher.writerOnly {
            let property = writer[index]
            add(direction.writerOnly(added: "odcs.property-added", removed: "odcs.property-removed"), .additive,
                reader: nil, writer: property.pointer, expected: "property '\(property.name)'", found: "absent",
                message: "property '\(property.name)' exists only in the producing version; readers that do not name it ignore it")
        }
        for pair in matcher.pairs {
            compareProperty(reader: reader[pair.reader], writer: writer[pair.writer])
        }
    }

    mutating func compareProperty(reader: SchemaProperty, writer: SchemaProperty) {
        compareIdentity(
            kind: "property", readerName: reader.name, writerName: writer.name,
            readerPhysical: reader.json["physicalName"]?.stringValue, writerPhysical: writer.json["physicalName"]?.stringValue,
            reader: reader.pointer, writer: writer.pointer)
        if reader.required != writer.required {
            let (old, new) = direction.readerIsNew ? (writer, reader) : (reader, writer)
            let breaking = reader.required && !writer.required
            add(new.required ? "odcs.required-added" : "odcs.required-removed", breaking ? .breaking : .additive,
                reader: reader.pointer / "required", writer: writer.pointer / "required",
                expected: "required: \(old.required)", found: "required: \(new.required)",
                message: breaking
                    ? "'\(reader.name)' is required by the reader but may be null in the writer's data"
                    : "'\(reader.name)' changed nullability in a direction readers tolerate")
        }
        if reader.logicalType != writer.logicalType {
            let accepted = ODCSLogicalType.reader(reader.logicalType, accepts: writer.logicalType)
            add("odcs.logical-type-changed", accepted ? .additive : .breaking,
                reader: reader.pointer / "logicalType", writer: writer.pointer / "logicalType",
                expected: "a type that reads \(writer.logicalType ?? "any value")", found: reader.logicalType ?? "no type",
                message: accepted
                    ? "'\(reader.name)' widened from \(writer.logicalType ?? "any") to \(reader.logicalType ?? "any")"
                    : "'\(reader.name)' changed type from \(writer.logicalType ?? "any") to \(reader.logicalType ?? "any"); only integer→number is safe")
        }
        compareOptions(reader: reader, writer: writer)
        if reader.primaryKey != writer.primaryKey || reader.primaryKeyPosition != writer.primaryKeyPosition {
            add("odcs.primary-key-changed", .breaking, reader: reader.pointer / "primaryKey", writer: writer.pointer / "primaryKey",
                expected: Self.keyText(writer), found: Self.keyText(reader),
                message: "the primary key of '\(reader.name)' changed; consumers that join or deduplicate on it break")
        }
        if reader.unique != writer.unique {
            add("odcs.unique-changed", reader.unique ? .breaking : .additive, reader: reader.pointer / "unique", writer: writer.pointer / "unique",
                expected: "unique: \(writer.unique)", found: "unique: \(reader.unique)",
                message: reader.unique ? "the reader expects unique values the writer does not promise" : "uniqueness is no longer relied on")
        }
        if reader.physicalType != writer.physicalType {
            add("odcs.physical-type-changed", .additive, reader: reader.pointer / "physicalType", writer: writer.pointer / "physicalType",
                expected: writer.physicalType ?? "absent", found: reader.physicalType ?? "absent",
                message: "the physical type of '\(reader.name)' changed; check that the source type is compatible")
        }
        compareMetadata(reader.json, writer.json, reader: reader.pointer, writer: writer.pointer)
        compareRelationships(reader.json, writer.json, reader: reader.pointer, writer: writer.pointer)
        compareEnumerations(reader: reader, writer: writer)
        compareMaps(reader: reader, writer: writer)
        compareProperties(reader: reader.properties, writer: writer.properties)
        switch (reader.items, writer.items) {
        case (let readerItems?, let writerItems?):
            compareProperty(reader: readerItems, writer: writerItems)
        case (_?, nil):
            add("odcs.items-changed", .breaking, reader: reader.pointer / "items", writer: nil,
                expected: "no item constraint", found: "an item definition",
                message: "the reader constrains the items of '\(reader.name)' which the writer left open")
        case (nil, _?):
            add("odcs.items-changed", .additive, reader: nil, writer: writer.pointer / "items",
                expected: "an item definition", found: "no item constraint", message: "the reader no longer constrains the items of '\(reader.name)'")
        case (nil, nil):
            break
        }
    }

    private static func keyText(_ property: SchemaProperty) -> String {
        property.primaryKey ? "primary key at position \(property.primaryKeyPosition.map(String.init) ?? "unspecified")" : "not a primary key"
    }

    /// A renamed element (same id) or a changed physical name breaks readers addressing it by name.
    private mutating func compareIdentity(
        kind: String, readerName: String, writerName: String, readerPhysical: String?, writerPhysical: String?,
        reader: JSONPointer, writer: JSONPointer
    ) {
        if readerName != writerName {
            add("odcs.\(kind)-renamed", .breaking, reader: reader / "name", writer: writer / "name",
                expected: writerName, found: readerName,
                message: "\(kind) '\(writerName)' is now '\(readerName)' (same id); consumers address it by name")
        }
        if readerPhysical != writerPhysical {
            add("odcs.physical-name-changed", .breaking, reader: reader / "physicalName", writer: writer / "physicalName",
                expected: writerPhysical ?? "absent", found: readerPhysical ?? "absent",
                message: "the physical name of \(kind) '\(readerName)' changed; queries using it break")
        }
    }

    private mutating func compareMetadata(_ readerJSON: JSONValue, _ writerJSON: JSONValue, reader: JSONPointer, writer: JSONPointer) {
        for key in ODCSLogicalType.metadataKeys where readerJSON[key] != writerJSON[key] {
            let kebab = key.reduce(into: "") { text, character in
                text += character.isUppercase ? "-" + character.lowercased() : String(character)
            }
            add("odcs.\(kebab)-changed", .metadata, reader: reader / key, writer: writer / key,
                expected: writerJSON[key]?.encoded() ?? "absent", found: readerJSON[key]?.encoded() ?? "absent",
                message: "\(key) changed")
        }
    }

    mutating func add(
        _ rule: String, _ verdict: CompatibilityVerdict, reader: JSONPointer?, writer: JSONPointer?,
        expected: String, found: String, message: String
    ) {
        let paths = direction.oldAndNew(reader: reader, writer: writer)
        findings.append(CompatibilityFinding(
            rule: rule, oldPath: paths.old, newPath: paths.new, expected: expected, found: found,
            verdict: verdict, message: message, direction: direction))
    }
}
