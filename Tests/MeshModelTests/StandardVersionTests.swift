import JSON
import Testing
@testable import MeshModel

/// Documents declare their standard's version; the registry reads every supported one and refuses
/// fields of a later version, naming the version that introduced them.
@Suite struct StandardVersionTests {
    @Test(arguments: [("registry-example.odcs.json", "v3.9.0"), ("registry-example.odps.json", "v1.2.0"), ("registry-example.odcs.json", "v2.2.2")])
    func anUnknownVersionIsRefusedWithTheSupportedList(fixture: String, apiVersion: String) throws {
        let json = try Fixture.json(fixture).setting("/apiVersion", to: .string(apiVersion))
        let found = issues { _ = try MeshDocument.decode(json) }
        let issue = try #require(found.first { $0.pointer.description == "/apiVersion" })
        #expect(issue.code == ValidationIssue.Code.invalidValue)
        let standard = try #require(Standard(kind: fixture.contains("odcs") ? .dataContract : .dataProduct))
        #expect(issue.message.contains(standard.apiVersions.joined(separator: ", ")))
    }

    @Test(arguments: [
        ("/context", "Use the order id to join." as JSONValue),
        ("/schema/0/deprecated", true as JSONValue),
        ("/schema/0/properties/0/semanticType", "dimension" as JSONValue),
        ("/schema/0/properties/0/enum", [["value": "a"]] as JSONValue),
        ("/schema/0/properties/0/synonyms", [["synonym": "order number"]] as JSONValue),
        ("/customProperties/0/vendor", "acme" as JSONValue),
    ])
    func aV31ContractUsingAV32FieldIsToldWhichVersionAddedIt(pointer: String, value: JSONValue) throws {
        let base = try Fixture.json("registry-example.odcs.json").setting("/apiVersion", to: "v3.1.0")
        let found = issues { _ = try DataContract(json: base.setting(pointer, to: value)) }
        let issue = try #require(found.first { $0.pointer.description == pointer })
        #expect(issue.code == ValidationIssue.Code.newerVersionField)
        #expect(issue.message.contains("v3.2.0"))
        #expect(issue.message.contains("v3.1.0"))
        #expect(issues { _ = try DataContract(json: base.setting("/apiVersion", to: "v3.2.0").setting(pointer, to: value)) } == [])
    }

    @Test(arguments: [("/type", "aggregate" as JSONValue), ("/deprecated", true as JSONValue), ("/outputPorts/0/deprecated", true as JSONValue),
                      ("/context", ["instructions": "Join on customer_id."] as JSONValue), ("/synonyms", [["synonym": "orders"]] as JSONValue)])
    func aV10ProductUsingAV11FieldIsToldWhichVersionAddedIt(pointer: String, value: JSONValue) throws {
        let base = try Fixture.json("registry-example.odps.json").setting("/apiVersion", to: "v1.0.0")
        let issue = try #require(issues { _ = try DataProduct(json: base.setting(pointer, to: value)) }.first { $0.pointer.description == pointer })
        #expect(issue.code == ValidationIssue.Code.newerVersionField)
        #expect(issue.message.contains("ODPS v1.1.0"))
        #expect(issues { _ = try DataProduct(json: base.setting("/apiVersion", to: "v1.1.0").setting(pointer, to: value)) } == [])
    }

    @Test func aMapTypeInAV31ContractNamesV32() throws {
        let json = try Fixture.json("odcs-v3.2.0-map.odcs.json").setting("/apiVersion", to: "v3.1.0")
        let found = issues { _ = try DataContract(json: json) }
        #expect(found.contains { $0.pointer.description == "/schema/0/properties/1/logicalType" && $0.code == ValidationIssue.Code.newerVersionField })
        #expect(found.contains { $0.pointer.description == "/schema/0/properties/1/map" && $0.message.contains("v3.2.0") })
    }

    /// Each bad enum or map is reported once, at the pointer of what is wrong (the pointer changed
    /// is also the one reported).
    @Test(arguments: [
        ("odcs-v3.2.0-enum.odcs.json", "/schema/0/properties/1/enum", [] as JSONValue?),
        ("odcs-v3.2.0-enum.odcs.json", "/schema/0/properties/1/enum/1/value", "pending" as JSONValue),
        ("odcs-v3.2.0-enum.odcs.json", "/schema/0/properties/1/enum/0/value", nil),
        ("odcs-v3.2.0-enum.odcs.json", "/schema/0/properties/1/enum/0/colour", "red" as JSONValue),
        ("odcs-v3.2.0-map.odcs.json", "/schema/0/properties/1/map", nil),
        ("odcs-v3.2.0-map.odcs.json", "/schema/0/properties/1/map/value", nil),
        ("odcs-v3.2.0-map.odcs.json", "/schema/0/properties/1/map/key/logicalType", "maps" as JSONValue),
    ])
    func badEnumsAndMapsAreRefusedWithTheirPointer(fixture: String, pointer: String, value: JSONValue?) throws {
        let json = try Fixture.json(fixture).setting(pointer, to: value)
        let standardIssues = issues { _ = try DataContract(json: json) }.filter { $0.pointer.description.hasPrefix("/schema") }
        #expect(standardIssues.map(\.pointer.description) == [pointer])
    }

    @Test func readsEnumMapSemanticTypeAndDeprecation() throws {
        let enums = try DataContract(json: Fixture.json("odcs-v3.2.0-enum.odcs.json"))
        #expect(enums.schemaObjects[0].properties[1].enumValues?.first == "pending")
        let maps = try DataContract(json: Fixture.json("odcs-v3.2.0-map.odcs.json"))
        #expect(maps.schemaObjects[0].properties[2].mapValue?.logicalType == "integer")
        #expect(maps.schemaObjects[0].properties[2].mapKey?.logicalType == "string")
        let measures = try DataContract(json: Fixture.json("odcs-v3.2.0-measures-and-dimensions.odcs.json"))
        #expect(measures.schemaObjects.flatMap(\.properties).contains { $0.semanticType == "measure" })
        let product = try DataProduct(json: Fixture.json("odps-v1.1.0-deprecated-data-product.odps.json"))
        #expect(!product.deprecated)
        #expect(product.inputPorts.map(\.deprecated) == [true])
        #expect(product.outputPorts.map(\.deprecated) == [true, false])
    }

    @Test func v32WidensStableIdsButEarlierVersionsDoNot() throws {
        let json = try Fixture.json("registry-example.odcs.json").setting("/schema/0/properties/0/id", to: "order:id")
        #expect(issues { _ = try DataContract(json: json.setting("/apiVersion", to: "v3.2.0")) } == [])
        #expect(issues { _ = try DataContract(json: json.setting("/apiVersion", to: "v3.1.0")) }.map(\.code) == [ValidationIssue.Code.invalidValue])
        #expect(issues { _ = try DataContract(json: json.setting("/apiVersion", to: "v3.2.0").setting("/schema/0/properties/0/id", to: "a.b")) }
            .map(\.code) == [ValidationIssue.Code.invalidValue])
    }

    @Test func odpsTypeReplacesTheProductTypeHint() throws {
        let base = try Fixture.json("registry-example.odps.json").setting("/apiVersion", to: "v1.1.0")
        let agreeing = try DataProduct(json: base.setting("/type", to: "consumerAligned"))
        #expect(agreeing.registrationIssues == [])
        let typed = try DataProduct(json: base.setting("/type", to: "aggregate"))
        #expect(typed.productType == "aggregate")
        #expect(typed.registrationIssues.map(\.code) == [ValidationIssue.Code.invalidValue])
        #expect(typed.registrationIssues.first?.message.contains("replaces") == true)
    }

    @Test func sbomEntriesTakeTagsInV11AndNeedAURLBefore() throws {
        let base = try Fixture.json("registry-example.odps.json")
        let tagged = base.setting("/outputPorts/0/sbom", to: [["type": "external", "url": "https://example.com/sbom.json", "tags": ["spdx"]]])
        #expect(issues { _ = try DataProduct(json: tagged.setting("/apiVersion", to: "v1.1.0")) } == [])
        let old = issues { _ = try DataProduct(json: tagged.setting("/apiVersion", to: "v1.0.0")) }
        #expect(old.filter { $0.code != ValidationIssue.Code.missingField }.map(\.pointer.description) == ["/outputPorts/0/sbom/0/tags"])
        let noURL = base.setting("/outputPorts/0/sbom", to: [["type": "external"]])
        #expect(issues { _ = try DataProduct(json: noURL.setting("/apiVersion", to: "v1.1.0")) } == [])
        #expect(issues { _ = try DataProduct(json: noURL.setting("/apiVersion", to: "v1.0.0")) }.map(\.pointer.description) == ["/outputPorts/0/sbom/0/url"])
    }

    @Test func relationshipsAreShapedAndTheirIdsAreUniqueAndNewInV32() throws {
        let base = try Fixture.json("odcs-v3.2.0-relationships.odcs.json")
        let property = "/schema/2/properties/1/relationships"
        let withIds = base.setting(property + "/0/id", to: "to-customers")
        #expect(issues { _ = try DataContract(json: withIds) }.filter { $0.pointer.description.hasPrefix("/schema") } == [])
        let duplicateIssues = issues { _ = try DataContract(json: withIds.setting(property, to: [["id": "fk", "to": "customers.id"], ["id": "fk", "to": "customers.key"]])) }
        #expect(duplicateIssues.filter { $0.code == ValidationIssue.Code.duplicate }.map(\.pointer.description) == [property + "/1/id"])
        let older = issues { _ = try DataContract(json: withIds.setting("/apiVersion", to: "v3.1.0")) }
        #expect(older.filter { $0.code == ValidationIssue.Code.newerVersionField }.map(\.pointer.description) == [property + "/0/id"])
        let withFrom = issues { _ = try DataContract(json: base.setting(property + "/0/from", to: "orders.customer_id")) }
        #expect(withFrom.filter { $0.code == ValidationIssue.Code.unknownField }.map(\.pointer.description) == [property + "/0/from"])
        let withoutTo = issues { _ = try DataContract(json: base.setting("/schema/2/relationships/0/to", to: nil)) }
        #expect(withoutTo.filter { $0.code == ValidationIssue.Code.missingField && $0.pointer.description.hasPrefix("/schema") }.map(\.pointer.description) == ["/schema/2/relationships/0/to"])
    }
}
