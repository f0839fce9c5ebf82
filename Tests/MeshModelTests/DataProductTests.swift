import JSON
import Testing
@testable import MeshModel

@Suite struct DataProductTests {
    @Test(arguments: Fixture.officialProducts + Fixture.registryProducts)
    func acceptsTheStandardsExamples(name: String) throws {
        let json = try Fixture.json(name)
        #expect(issues { _ = try DataProduct(json: json) } == [])
    }

    @Test(arguments: Fixture.registryProducts)
    func registryExampleHasNoRegistrationIssues(name: String) throws {
        let product = try DataProduct(json: Fixture.json(name))
        #expect(product.registrationIssues == [])
    }

    @Test func readsTheFieldsTheRegistryUses() throws {
        let product = try DataProduct(json: Fixture.json("registry-example.odps.json"))
        #expect(product.id == "sales-orders")
        #expect(product.version == SemanticVersion(major: 1, minor: 2, patch: 0))
        #expect(product.domain == "sales")
        #expect(product.status == .active)
        #expect(product.team?.owners == ["alice@acme.example"])
        #expect(product.members.map(\.role) == ["owner", "data steward"])
        #expect(product.productType == "consumerAligned")
        #expect(product.inputPorts.map(\.reference.description) == ["crm-customers-contract@2.0.0"])
        #expect(product.inputPorts.first?.pointer.description == "/inputPorts/0")
        #expect(product.outputPorts.first?.contractReference?.description == "sales-orders-contract@1.2.0")
        #expect(product.outputPorts.first?.inputContracts == [ContractReference(id: "crm-customers-contract", version: "2.0.0")])
        #expect(product.outputPorts.first?.type == "tables")
        #expect(product.contractReferences.map(\.description) == ["crm-customers-contract@2.0.0", "sales-orders-contract@1.2.0"])
    }

    @Test func officialExampleKeepsUnknownStatusesAndRepeatedPortNamesForTheRegistryToJudge() throws {
        let product = try DataProduct(json: Fixture.json("odps-example-customer.odps.json"))
        #expect(product.apiVersion == "v0.9.0")
        #expect(product.status == .draft)
        #expect(product.outputPorts.count == 4)
        // The example repeats port names in different versions (allowed: ODPS keys ports by name and
        // version) and has no product version, which the registry requires.
        #expect(!product.registrationIssues.map(\.code).contains(ValidationIssue.Code.duplicate))
        #expect(product.registrationIssues.contains { $0.pointer.description == "/version" })
    }

    @Test(arguments: [
        ("/owner", "owner" as JSONValue, ValidationIssue.Code.unknownField),
        ("/tenant", 5 as JSONValue, ValidationIssue.Code.wrongType),
        ("/team", ["alice"] as JSONValue, ValidationIssue.Code.wrongType),
        ("/inputPorts", ["name": "x"] as JSONValue, ValidationIssue.Code.wrongType),
        ("/inputPorts/0", "crm" as JSONValue, ValidationIssue.Code.wrongType),
        ("/outputPorts/0/inputContracts/0/id", 7 as JSONValue, ValidationIssue.Code.wrongType),
        ("/team/members/1/username", nil as JSONValue, ValidationIssue.Code.wrongType),
        ("/apiVersion", "v2.0.0" as JSONValue, ValidationIssue.Code.invalidValue),
        ("/kind", "DataContract" as JSONValue, ValidationIssue.Code.invalidValue),
        ("/outputPorts/0/colour", "red" as JSONValue, ValidationIssue.Code.unknownField),
        ("/customProperties/0/key", "x" as JSONValue, ValidationIssue.Code.unknownField),
    ])
    func refusesABadFieldWithItsPointerAndCode(pointer: String, value: JSONValue, code: String) throws {
        let json = try Fixture.json("registry-example.odps.json").setting(pointer, to: value)
        let found = issues { _ = try DataProduct(json: json) }
        // Exactly one issue at the pointer; the registry's rules may add others elsewhere.
        #expect(found.filter { $0.pointer.description == pointer }.map(\.code) == [code])
    }

    @Test(arguments: ["/id", "/kind", "/apiVersion", "/team/members/0/username", "/customProperties/0/value"])
    func refusesAMissingRequiredField(pointer: String) throws {
        let json = try Fixture.json("registry-example.odps.json").setting(pointer, to: nil)
        let found = issues { _ = try DataProduct(json: json) }
        #expect(found.filter { $0.pointer.description == pointer }.map(\.code) == [ValidationIssue.Code.missingField])
    }

    /// ODPS v1.1.0 made these optional; the registry still needs them, in every version.
    @Test(arguments: ["v1.0.0", "v1.1.0"], ["/status", "/outputPorts/0/version", "/inputPorts/0/contractId", "/inputPorts/0/version"])
    func registryStillRequiresWhatTheStandardMadeOptional(apiVersion: String, pointer: String) throws {
        let json = try Fixture.json("registry-example.odps.json").setting("/apiVersion", to: .string(apiVersion)).setting(pointer, to: nil)
        let product = try DataProduct(json: json)
        #expect(product.registrationIssues.filter { $0.pointer.description == pointer }.map(\.code) == [ValidationIssue.Code.missingField])
    }

    @Test func unknownTopLevelKeyMessageSuggestsTheFieldAndCustomProperties() throws {
        let json = try Fixture.json("registry-example.odps.json").setting("/domian", to: "sales")
        let message = try #require(issues { _ = try DataProduct(json: json) }.first).message
        #expect(message.contains("did you mean 'domain'?"))
        #expect(message.contains("customProperties"))
    }

    @Test func reportsEveryIssueAtOnceInDocumentOrder() throws {
        let json = try Fixture.json("registry-example.odps.json")
            .setting("/id", to: nil)
            .setting("/name", to: 42)
            .setting("/outputPorts/0/version", to: nil)
            .setting("/colour", to: "red")
        let found = issues { _ = try DataProduct(json: json) }
        #expect(found.map(\.pointer.description) == ["/name", "/outputPorts/0/version", "/colour", "/id"])
        #expect(found.map(\.code) == ["wrong-type", "missing-field", "unknown-field", "missing-field"])
    }

    @Test func refusesANonObjectDocument() {
        let found = issues { _ = try DataProduct(json: ["a", "b"]) }
        #expect(found.first?.code == ValidationIssue.Code.wrongType)
        #expect(found.first?.pointer == .root)
    }

    @Test func inputPortMarkedExternalNeedsNoRegisteredContract() throws {
        let json = try Fixture.json("registry-example.odps.json")
            .setting("/inputPorts/0/version", to: "latest")
            .setting("/inputPorts/0/contractId", to: "s3://vendor/feed")
        let registered = try DataProduct(json: json)
        #expect(registered.inputPorts.first?.isExternal == false)
        #expect(registered.registrationIssues.map(\.pointer.description) == ["/inputPorts/0/version", "/inputPorts/0/contractId"])

        let external = try DataProduct(json: json.setting("/inputPorts/0/customProperties", to: [["property": "external", "value": true]]))
        #expect(external.inputPorts.first?.isExternal == true)
        #expect(external.registrationIssues == [])
    }
}

@Suite struct EverythingAtOnceTests {
    @Test func standardAndRegistryProblemsAreReportedTogether() throws {
        let json = try Fixture.json("registry-example.odps.json")
            .setting("/id", to: "../etc")
            .setting("/colour", to: "red")
        let found = issues { _ = try DataProduct(json: json) }
        #expect(found.map(\.code) == [ValidationIssue.Code.invalidId, ValidationIssue.Code.unknownField])
    }
}
