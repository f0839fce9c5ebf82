import JSON
import Testing
@testable import MeshModel

@Suite struct DomainDocumentTests {
    @Test func readsTheSpecExample() throws {
        let domain = try DomainDocument(json: Fixture.domain)
        #expect(domain.name == "customers")
        #expect(domain.description == "Customer identities, profiles and consent.")
        let team = try #require(domain.team(named: "customer-data"))
        #expect(team.owners == ["alice"])
        #expect(team.contains("bob"))
        #expect(!team.contains("carol"))
        #expect(domain.team(named: "sales-data") == nil)
    }

    @Test(arguments: [
        ("/name", "customers/eu" as JSONValue, ValidationIssue.Code.invalidId),
        ("/teams/0/name", "customer data" as JSONValue, ValidationIssue.Code.invalidId),
        ("/teams/0/members/1/username", "alice" as JSONValue, ValidationIssue.Code.duplicate),
        ("/teams/0/members/1/role", nil as JSONValue, ValidationIssue.Code.wrongType),
        ("/teams/0/lead", "alice" as JSONValue, ValidationIssue.Code.unknownField),
        ("/apiVersion", "meshreg/v2" as JSONValue, ValidationIssue.Code.invalidValue),
        ("/teams", ["name": "x"] as JSONValue, ValidationIssue.Code.wrongType),
    ])
    func refusesABadDomainWithItsPointerAndCode(pointer: String, value: JSONValue, code: String) {
        let json = Fixture.domain.setting(pointer, to: value)
        let found = issues { _ = try DomainDocument(json: json) }
        #expect(found.map(\.pointer.description) == [pointer])
        #expect(found.map(\.code) == [code])
    }

    @Test func refusesTwoTeamsWithOneName() throws {
        let team = try #require(Fixture.domain["teams"]?[0])
        let found = issues { _ = try DomainDocument(json: Fixture.domain.setting("/teams", to: [team, team])) }
        #expect(found.map(\.pointer.description) == ["/teams/1/name"])
        #expect(found.map(\.code) == [ValidationIssue.Code.duplicate])
    }

    @Test(arguments: ["/name", "/teams/0/members/0/role"])
    func refusesAMissingRequiredField(pointer: String) {
        let found = issues { _ = try DomainDocument(json: Fixture.domain.setting(pointer, to: nil)) }
        #expect(found.map(\.pointer.description) == [pointer])
        #expect(found.map(\.code) == [ValidationIssue.Code.missingField])
    }
}

@Suite struct MeshDocumentTests {
    @Test func dispatchesOnKind() throws {
        #expect(try MeshDocument.decode(Fixture.domain).kind == .domain)
        #expect(try MeshDocument.decode(Fixture.json("registry-example.odps.json")).kind == .dataProduct)
        #expect(try MeshDocument.decode(Fixture.json("registry-example.odcs.json")).kind == .dataContract)
        #expect(try MeshDocument.decode(Fixture.domain).json == Fixture.domain)
    }

    @Test func registrationIssuesComeFromTheDocument() throws {
        let json = try Fixture.json("registry-example.odps.json").setting("/status", to: "live")
        #expect(try MeshDocument.decode(json).registrationIssues.map(\.code) == [ValidationIssue.Code.invalidStatus])
    }

    @Test(arguments: [
        ("[]" as String, "", ValidationIssue.Code.wrongType),
        (#"{"apiVersion": "v1.0.0"}"#, "/kind", ValidationIssue.Code.missingField),
        (#"{"kind": 3}"#, "/kind", ValidationIssue.Code.wrongType),
        (#"{"kind": "Policy"}"#, "/kind", ValidationIssue.Code.invalidValue),
    ])
    func refusesADocumentWithoutAKnownKind(text: String, pointer: String, code: String) throws {
        let json = try JSONParser.parse(text)
        let found = issues { _ = try MeshDocument.decode(json) }
        #expect(found.map(\.pointer.description) == [pointer])
        #expect(found.map(\.code) == [code])
    }

    @Test func issueDescriptionNamesPointerMessageAndCode() {
        let issue = ValidationIssue(pointer: JSONPointer("/outputPorts/0/version")!, code: "missing-field", message: "add it")
        #expect(issue.description == "/outputPorts/0/version: add it [missing-field]")
        #expect(ValidationIssue(pointer: .root, code: "wrong-type", message: "x").description == "(root): x [wrong-type]")
    }
}
