import JSON
import Testing
@testable import MeshModel

/// The shapes are copied from the official JSON Schemas of the newest versions (ODPS v1.1.0, ODCS
/// v3.2.0); these tests keep them in step. Each shape also reads the earlier versions, refusing
/// there the fields the newest version added (`introducedIn`).
@Suite struct StandardSchemaTests {
    static let odps = "odps-json-schema-v1.1.0.json"
    static let odcs = "odcs-json-schema-v3.2.0.json"
    /// Keys the approved ODPS v1.1.0 change list adds that its schema file does not have yet.
    static let odpsChangeListOnly: [String: Set<String>] = [
        "CustomProperty": ["vendor"], "SBOM": ["tags", "customProperties", "authoritativeDefinitions"],
    ]

    @Test(arguments: [(odps, ODPSShapes.product), (odcs, ODCSShapes.contract)])
    func topLevelFieldsAndRequiredListMatchTheSchema(schemaFile: String, shape: ObjectShape) throws {
        let schema = try Fixture.json(schemaFile)
        #expect(shape.fieldNames == schema["properties"]?.objectValue?.keys)
        #expect(Set(shape.required) == Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []))
        #expect(schema["additionalProperties"] == false)
    }

    @Test(arguments: [
        (odps, "InputPort", ODPSShapes.inputPort), (odps, "OutputPort", ODPSShapes.outputPort),
        (odps, "InputContract", ODPSShapes.inputContract), (odps, "Team", ODPSShapes.team),
        (odps, "TeamMember", ODPSShapes.member), (odps, "CustomProperty", ODPSShapes.customProperty),
        (odps, "SBOM", ODPSShapes.sbom), (odps, "Context", ContextShapes.context), (odps, "Synonym", ContextShapes.synonym),
        (odcs, "Team", ODCSShapes.team), (odcs, "TeamMember", ODCSShapes.member),
        (odcs, "CustomProperty", ODCSShapes.customProperty), (odcs, "EnumValue", ODCSShapes.enumValue),
        (odcs, "Synonym", ContextShapes.synonym),
    ])
    func nestedShapesMatchTheSchema(schemaFile: String, definition: String, shape: ObjectShape) throws {
        let schema = try #require(try Fixture.json(schemaFile)["$defs"]?[definition])
        let extra = schemaFile == Self.odps ? Self.odpsChangeListOnly[definition] ?? [] : []
        #expect(Set(shape.fieldNames) == Set(schema["properties"]?.objectValue?.keys ?? []).union(extra))
        #expect(Set(shape.required) == Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []))
    }

    @Test func contextEntriesMatchTheSchema() throws {
        let context = try #require(try Fixture.json(Self.odps)["$defs"]?["Context"]?["properties"])
        for (name, shape) in [("verifiedStatements", ContextShapes.verifiedStatement), ("constraints", ContextShapes.constraint)] {
            let items = try #require(context[name]?["items"])
            #expect(Set(shape.fieldNames) == Set(items["properties"]?.objectValue?.keys ?? []))
            #expect(Set(shape.required) == Set(items["required"]?.arrayValue?.compactMap(\.stringValue) ?? []))
        }
        let odcsContext = try #require(try Fixture.json(Self.odcs)["$defs"]?["Context"]?["oneOf"]?[1]?["properties"]?.objectValue)
        #expect(Set(ContextShapes.context.fieldNames) == Set(odcsContext.keys))
    }

    @Test func schemaPropertyShapeCoversTheSchemaElementAndBaseProperty() throws {
        let definitions = try #require(try Fixture.json(Self.odcs)["$defs"])
        let element = definitions["SchemaElement"]?["properties"]?.objectValue?.keys ?? []
        let object = definitions["SchemaObject"]?["properties"]?.objectValue?.keys ?? []
        let base = definitions["SchemaBaseProperty"]?["properties"]?.objectValue?.keys ?? []
        #expect(Set(ODCSShapes.schemaObject.fieldNames) == Set(element + object))
        #expect(Set(ODCSShapes.property.fieldNames) == Set(element + base + ["items", "properties", "map"]))
        #expect(definitions["SchemaBaseProperty"]?["properties"]?["logicalType"]?["enum"] == .array(ODCSShapes.logicalTypes.map(JSONValue.string)))
        #expect(definitions["SchemaBaseProperty"]?["properties"]?["semanticType"]?["enum"] == .array(ODCSShapes.semanticTypes.map(JSONValue.string)))
    }

    /// Every field the newest schema has and the previous one lacks is marked as introduced in the
    /// newest version, and nothing else is.
    @Test(arguments: [
        ("odps-json-schema.json", odps, nil as String?, ODPSShapes.product, "v1.1.0"),
        ("odps-json-schema.json", odps, "InputPort", ODPSShapes.inputPort, "v1.1.0"),
        ("odps-json-schema.json", odps, "OutputPort", ODPSShapes.outputPort, "v1.1.0"),
        ("odps-json-schema.json", odps, "TeamMember", ODPSShapes.member, "v1.1.0"),
        ("odcs-json-schema.json", odcs, nil, ODCSShapes.contract, "v3.2.0"),
        ("odcs-json-schema.json", odcs, "CustomProperty", ODCSShapes.customProperty, "v3.2.0"),
        ("odcs-json-schema.json", odcs, "SchemaElement", ODCSShapes.property, "v3.2.0"),
    ])
    func fieldsNewInTheLatestVersionAreMarked(
        previousFile: String, latestFile: String, definition: String?, shape: ObjectShape, latest: String
    ) throws {
        func keys(_ file: String) throws -> Set<String> {
            let schema = try Fixture.json(file)
            let node = try definition.map { try #require(schema["$defs"]?[$0]) } ?? schema
            return Set(node["properties"]?.objectValue?.keys ?? [])
        }
        let added = try keys(latestFile).subtracting(try keys(previousFile))
        #expect(!added.isEmpty)
        let marked = Set(shape.introducedIn.filter { $0.value == latest }.keys)
        #expect(added.isSubset(of: marked))
        #expect(marked.isSubset(of: Set(shape.fieldNames)))
    }

    @Test func acceptedApiVersionsAreTheSchemasOwn() throws {
        let odps = try Fixture.json(Self.odps)["properties"]?["apiVersion"]?["enum"]?.arrayValue ?? []
        let odcs = try Fixture.json(Self.odcs)["properties"]?["apiVersion"]?["enum"]?.arrayValue ?? []
        #expect(Set(ODPSShapes.apiVersions.map(JSONValue.string)) == Set(odps))
        #expect(Set(ODCSShapes.apiVersions.map(JSONValue.string)).isSubset(of: Set(odcs)))
        #expect(odps.first == .string(Standard.odps.currentAPIVersion))
        #expect(odcs.first == .string(Standard.odcs.currentAPIVersion))
    }
}
