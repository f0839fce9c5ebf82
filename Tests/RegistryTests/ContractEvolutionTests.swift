import Compatibility
import JSON
import Registry
import Testing

/// Publishing a new contract version: compatibility within its major line and the semver gate.
@Suite struct ContractEvolutionTests {
    @Test func breakingChangeInTheSameMajorLineIsRefusedWithTheReport() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract()])
        let error = fixture.refusal { try fixture.apply([Samples.contract(version: "1.1.0", orderIDType: "integer")]) }
        #expect(error?.code == .incompatible)
        #expect(error?.message.contains("FULL") == true)
        #expect(error?.message.contains("2.0.0") == true, "suggests opening a new major line")
        let findings = error?.details["report"]?["findings"]?.arrayValue ?? []
        #expect(findings.contains { $0["verdict"] == "breaking" && $0["newPath"]?.stringValue?.contains("/schema/0/properties/0") == true })
        #expect(throws: RegistryError.self) { try fixture.registry.contract("sales-orders-contract", version: "1.1.0") }
    }

    @Test func aNewMajorLineMayBreak() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract()])
        #expect(try fixture.apply([Samples.contract(version: "2.0.0", orderIDType: "integer")]).first?.change == .created)
    }

    @Test func tooSmallABumpIsRefusedWithTheVersionToUse() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract()])
        let error = fixture.refusal { try fixture.apply([Samples.contract(version: "1.0.1", extraProperty: true)]) }
        #expect(error?.code == .versionTooSmall)
        #expect(error?.details["suggestedVersion"] == "1.1.0")
        #expect(error?.message.contains("publish it as 1.1.0") == true)
        #expect(try fixture.apply([Samples.contract(version: "1.1.0", extraProperty: true)]).first?.change == .created)
    }

    @Test func theContractsOwnModeWinsOverTheDefault() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(compatibility: "NONE")])
        let result = try fixture.apply([Samples.contract(version: "1.1.0", orderIDType: "integer", compatibility: "NONE")])
        #expect(result.first?.change == .created)
    }

    @Test(arguments: [
        ("avro", #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#,
         #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"string"}]}"#, "BACKWARD", false),
        ("avro", #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#,
         #"{"type":"record","name":"R","fields":[{"name":"a","type":"long"}]}"#, "BACKWARD", true),
        ("avro", #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#,
         #"{"type":"record","name":"R","fields":[{"name":"a","type":"long"}]}"#, "FORWARD", false),
        ("json", #"{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":false}"#,
         #"{"type":"object","properties":{"a":{"type":"number"}},"additionalProperties":false}"#, "BACKWARD", true),
    ])
    func schemaTypesDispatchToTheirCheckers(type: String, old: String, new: String, mode: String, compatible: Bool) throws {
        let schemaType = try #require(SchemaType(name: type))
        let report = try schemaType.check(new: JSONParser.parse(new), against: [JSONParser.parse(old)], mode: #require(.init(name: mode)))
        #expect(report.isCompatible == compatible)
    }

    @Test func invalidSchemasAreInputErrorsWithAPointer() {
        #expect {
            try SchemaType.avro.check(new: ["type": "enum", "name": "E", "symbols": ["A"], "default": "B"], against: [], mode: .backward)
        } throws: { error in
            (error as? RegistryError)?.code == .invalidDocument && (error as? RegistryError)?.issues.first?.issue.pointer.description == "/default"
        }
    }
}
