import JSON
import Testing
@testable import MeshModel

@Suite struct DataContractTests {
    @Test(arguments: Fixture.officialContracts + Fixture.registryContracts)
    func acceptsTheStandardsExamples(name: String) throws {
        let json = try Fixture.json(name)
        #expect(issues { _ = try DataContract(json: json) } == [])
    }

    @Test(arguments: Fixture.registryContracts)
    func registryExamplesHaveNoRegistrationIssues(name: String) throws {
        #expect(try DataContract(json: Fixture.json(name)).registrationIssues == [])
    }

    @Test func readsSchemaTeamAndHints() throws {
        let contract = try DataContract(json: Fixture.json("registry-example.odcs.json"))
        #expect(contract.reference?.description == "sales-orders-contract@1.2.0")
        #expect(contract.compatibility == "BACKWARD")
        #expect(contract.team?.owners == ["alice@acme.example"])
        let orders = try #require(contract.schemaObjects.first)
        #expect(orders.name == "orders")
        #expect(orders.pointer.description == "/schema/0")
        #expect(orders.properties.map(\.name) == ["order_id", "customer_id", "amount"])
        let orderId = try #require(orders.properties.first)
        #expect(orderId.id == "order_id_prop")
        #expect(orderId.required && orderId.primaryKey && orderId.unique)
        #expect(orderId.primaryKeyPosition == 1)
        #expect(orderId.classification == "internal")
        #expect(orders.properties.last?.logicalTypeOptions?["minimum"] == 0)
    }

    @Test func readsTheFullOfficialExample() throws {
        let contract = try DataContract(json: Fixture.json("odcs-example-full.odcs.json"))
        #expect(contract.apiVersion == "v3.1.0")
        #expect(contract.servers.count == 1)
        #expect(contract.schemaObjects.map(\.name) == ["tbl", "receivers"])
        #expect(contract.teamName == "my-team")
        #expect(contract.members.filter(\.isOwner).map(\.username) == ["daustin"])
        // No `name` and the free-text status is known, so only `name` is missing for registration.
        #expect(contract.registrationIssues.map(\.pointer.description) == ["/name"])
    }

    @Test func acceptsTheVersion3_0TeamAsAMemberList() throws {
        let json = try Fixture.json("registry-example.odcs.json")
            .setting("/apiVersion", to: "v3.0.2")
            .setting("/team", to: [["username": "alice", "role": "owner"], ["username": "bob"]])
        let contract = try DataContract(json: json)
        #expect(contract.teamName == nil)
        #expect(contract.members == [TeamMember(username: "alice", role: "owner"), TeamMember(username: "bob", role: nil)])
        #expect(contract.registrationIssues == [])
    }

    @Test func readsNestedPropertiesAndArrayItems() throws {
        let address: JSONValue = [
            "name": "addresses", "logicalType": "array",
            "items": ["logicalType": "object", "properties": [["name": "city", "logicalType": "string", "required": true]]],
        ]
        let json = try Fixture.json("registry-example.odcs.json").setting("/schema/0/properties", to: [address])
        let property = try #require(try DataContract(json: json).schemaObjects.first?.properties.first)
        #expect(property.items?.name == "")
        #expect(property.items?.properties.map(\.name) == ["city"])
        #expect(property.items?.properties.first?.pointer.description == "/schema/0/properties/0/items/properties/0")
        #expect(property.items?.properties.first?.required == true)
    }

    @Test(arguments: [
        ("/team", "sales-data" as JSONValue, ValidationIssue.Code.wrongType),
        ("/schema/0/properties/0/logicalType", "uuid" as JSONValue, ValidationIssue.Code.invalidValue),
        ("/schema/0/properties/0/required", "yes" as JSONValue, ValidationIssue.Code.wrongType),
        ("/schema/0/properties/1", 3 as JSONValue, ValidationIssue.Code.wrongType),
        ("/schema/0/properties/0/nullable", true as JSONValue, ValidationIssue.Code.unknownField),
        ("/schema/0/columns", [] as JSONValue, ValidationIssue.Code.unknownField),
        ("/apiVersion", "v2.2.0" as JSONValue, ValidationIssue.Code.invalidValue),
        ("/servers", ["pg"] as JSONValue, ValidationIssue.Code.wrongType),
        ("/compatibility", "FULL" as JSONValue, ValidationIssue.Code.unknownField),
        ("/schema/0/properties/0/id", "order id" as JSONValue, ValidationIssue.Code.invalidValue),
        ("/team/members/0/id", "alice@acme" as JSONValue, ValidationIssue.Code.invalidValue),
    ])
    func refusesABadFieldWithItsPointerAndCode(pointer: String, value: JSONValue, code: String) throws {
        let json = try Fixture.json("registry-example.odcs.json").setting(pointer, to: value)
        let found = issues { _ = try DataContract(json: json) }
        #expect(found.map(\.pointer.description) == [pointer == "/servers" ? "/servers/0" : pointer])
        #expect(found.map(\.code) == [code])
    }

    @Test(arguments: ["/version", "/id", "/schema/0/name", "/schema/0/properties/2/name"])
    func refusesAMissingRequiredField(pointer: String) throws {
        let json = try Fixture.json("registry-example.odcs.json").setting(pointer, to: nil)
        let found = issues { _ = try DataContract(json: json) }
        #expect(found.map(\.pointer.description) == [pointer])
        #expect(found.map(\.code) == [ValidationIssue.Code.missingField])
    }

    /// ODCS v3.2.0 made `status` optional; the registry still needs it.
    @Test(arguments: ["v3.1.0", "v3.2.0"])
    func registryStillRequiresAStatus(apiVersion: String) throws {
        let json = try Fixture.json("registry-example.odcs.json").setting("/apiVersion", to: .string(apiVersion)).setting("/status", to: nil)
        let found = try DataContract(json: json).registrationIssues
        #expect(found.map(\.pointer.description) == ["/status"])
        #expect(found.map(\.code) == [ValidationIssue.Code.missingField])
    }

    @Test func wrongTypeMessageTellsYAMLAuthorsToQuote() throws {
        let json = try Fixture.json("registry-example.odcs.json").setting("/version", to: 1.5)
        let found = issues { _ = try DataContract(json: json) }
        #expect(found.map(\.code) == [ValidationIssue.Code.wrongType])
        #expect(found.first?.message.contains("quote") == true)
    }

    @Test func refusesPropertiesNestedTooDeep() {
        var property: JSONValue = ["name": "leaf"]
        for _ in 0..<(SchemaProperty.maximumDepth + 1) { property = ["name": "node", "properties": [property]] }
        let json: JSONValue = [
            "apiVersion": "v3.1.0", "kind": "DataContract", "id": "deep", "version": "1.0.0", "status": "draft",
            "schema": [["name": "root", "properties": [property]]],
        ]
        #expect(issues { _ = try DataContract(json: json) }.map(\.code).contains(ValidationIssue.Code.tooDeep))
    }
}

@Suite struct ContractRegistrationTests {
    private func registrationIssues(_ pointer: String, _ value: JSONValue?) throws -> [ValidationIssue] {
        try DataContract(json: Fixture.json("registry-example.odcs.json").setting(pointer, to: value)).registrationIssues
    }

    @Test(arguments: [
        ("/domain", nil as JSONValue?, ValidationIssue.Code.missingField),
        ("/version", "1.2" as JSONValue?, ValidationIssue.Code.invalidSemver),
        ("/id", "orders contract" as JSONValue?, ValidationIssue.Code.invalidId),
        ("/status", "approved" as JSONValue?, ValidationIssue.Code.invalidStatus),
        ("/customProperties/0/value", "STRICT" as JSONValue?, ValidationIssue.Code.invalidValue),
        ("/schema/0/properties/1/name", "order_id" as JSONValue?, ValidationIssue.Code.duplicate),
        ("/team/name", "" as JSONValue?, ValidationIssue.Code.missingField),
        ("/schema/0/properties/2/id", "order_id_prop" as JSONValue?, ValidationIssue.Code.duplicate),
    ])
    func refusesWhatTheRegistryCannotStore(pointer: String, value: JSONValue?, code: String) throws {
        let found = try registrationIssues(pointer, value)
        #expect(found.map(\.code) == [code])
        #expect(found.map(\.pointer.description) == [pointer])
    }

    @Test func versionThatIsNotSemVerHasNoReference() throws {
        let contract = try DataContract(json: Fixture.json("registry-example.odcs.json").setting("/version", to: "1.2"))
        #expect(contract.versionText == "1.2")
        #expect(contract.reference == nil)
    }

    @Test func teamIsOptionalForContracts() throws {
        #expect(try registrationIssues("/team", nil) == [])
    }
}
