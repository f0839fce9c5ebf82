import JSON
import Testing
@testable import MeshModel

/// The shapes are copied from the official JSON Schemas; these tests keep them in step.
@Suite struct StandardSchemaTests {
    @Test(arguments: [("odps-json-schema.json", ODPSShapes.product), ("odcs-json-schema.json", ODCSShapes.contract)])
    func topLevelFieldsAndRequiredListMatchTheSchema(schemaFile: String, shape: ObjectShape) throws {
        let schema = try Fixture.json(schemaFile)
        #expect(shape.fieldNames == schema["properties"]?.objectValue?.keys)
        #expect(Set(shape.required) == Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []))
        #expect(schema["additionalProperties"] == false)
    }

    @Test(arguments: [
        ("odps-json-schema.json", "InputPort", ODPSShapes.inputPort), ("odps-json-schema.json", "OutputPort", ODPSShapes.outputPort),
        ("odps-json-schema.json", "InputContract", ODPSShapes.inputContract), ("odps-json-schema.json", "Team", ODPSShapes.team),
        ("odps-json-schema.json", "TeamMember", ODPSShapes.member), ("odps-json-schema.json", "CustomProperty", ODPSShapes.customProperty),
        ("odcs-json-schema.json", "Team", ODCSShapes.team), ("odcs-json-schema.json", "TeamMember", ODCSShapes.member),
        ("odcs-json-schema.json", "CustomProperty", ODCSShapes.customProperty),
    ])
    func nestedShapesMatchTheSchema(schemaFile: String, definition: String, shape: ObjectShape) throws {
        let schema = try #require(try Fixture.json(schemaFile)["$defs"]?[definition])
        #expect(shape.fieldNames == schema["properties"]?.objectValue?.keys)
        #expect(Set(shape.required) == Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []))
    }

    @Test func schemaPropertyShapeCoversTheSchemaElementAndBaseProperty() throws {
        let definitions = try #require(try Fixture.json("odcs-json-schema.json")["$defs"])
        let element = definitions["SchemaElement"]?["properties"]?.objectValue?.keys ?? []
        let object = definitions["SchemaObject"]?["properties"]?.objectValue?.keys ?? []
        let base = definitions["SchemaBaseProperty"]?["properties"]?.objectValue?.keys ?? []
        #expect(Set(ODCSShapes.schemaObject.fieldNames) == Set(element + object))
        #expect(Set(ODCSShapes.property.fieldNames) == Set(element + base + ["items", "properties"]))
        #expect(definitions["SchemaBaseProperty"]?["properties"]?["logicalType"]?["enum"] == .array(ODCSShapes.logicalTypes.map(JSONValue.string)))
    }

    @Test func acceptedApiVersionsAreTheSchemasOwn() throws {
        let odps = try Fixture.json("odps-json-schema.json")["properties"]?["apiVersion"]?["enum"]?.arrayValue ?? []
        let odcs = try Fixture.json("odcs-json-schema.json")["properties"]?["apiVersion"]?["enum"]?.arrayValue ?? []
        #expect(Set(ODPSShapes.apiVersions.map(JSONValue.string)) == Set(odps))
        #expect(Set(ODCSShapes.apiVersions.map(JSONValue.string)).isSubset(of: Set(odcs)))
    }
}
