import JSON
import Testing
@testable import MeshModel

@Suite struct ProductRegistrationTests {
    private func registrationIssues(_ pointer: String, _ value: JSONValue?) throws -> [ValidationIssue] {
        try DataProduct(json: Fixture.json("registry-example.odps.json").setting(pointer, to: value)).registrationIssues
    }

    @Test(arguments: ["a/b", "..", String(repeating: "a", count: 129), "", "-leading", "nul\u{0}byte", "space d"])
    func refusesABadId(id: String) throws {
        let found = try registrationIssues("/id", .string(id))
        #expect(found.map(\.code) == [ValidationIssue.Code.invalidId])
        #expect(found.map(\.pointer.description) == ["/id"])
        #expect(found.first?.message.contains(ResourceIdentifier.pattern) == true)
    }

    @Test(arguments: [("1.2", "1.2.0"), ("01.0.0", "leading zeros"), ("1.0.0-", "empty"), ("v1.0.0", "write 1.0.0")])
    func refusesABadVersionSayingWhatIsWrong(version: String, explanation: String) throws {
        let found = try registrationIssues("/version", .string(version))
        #expect(found.map(\.code) == [ValidationIssue.Code.invalidSemver])
        #expect(found.map(\.pointer.description) == ["/version"])
        #expect(found.first?.message.contains(explanation) == true)
    }

    @Test(arguments: ["published", "Active"])
    func refusesAStatusTheRegistryDoesNotKnow(status: String) throws {
        let product = try DataProduct(json: Fixture.json("registry-example.odps.json").setting("/status", to: .string(status)))
        #expect(product.status == nil)
        #expect(product.registrationIssues.map(\.code) == [ValidationIssue.Code.invalidStatus])
        #expect(product.registrationIssues.first?.message.contains("proposed, draft, active, deprecated, retired") == true)
    }

    @Test func refusesAnOutputPortWithoutContract() throws {
        let found = try registrationIssues("/outputPorts/0/contractId", nil)
        #expect(found.map(\.code) == [ValidationIssue.Code.missingField])
        #expect(found.map(\.pointer.description) == ["/outputPorts/0/contractId"])
    }

    @Test func refusesAnOutputPortWithoutSemanticVersion() throws {
        let found = try registrationIssues("/outputPorts/0/version", "2")
        #expect(found.map(\.code) == [ValidationIssue.Code.invalidSemver])
    }

    @Test func refusesATeamWithoutOwner() throws {
        let found = try registrationIssues("/team/members/0/role", "maintainer")
        #expect(found.map(\.code) == [ValidationIssue.Code.missingOwner])
        #expect(found.map(\.pointer.description) == ["/team/members"])
    }

    @Test func acceptsOwnerRoleInAnyCase() throws {
        #expect(try registrationIssues("/team/members/0/role", "Owner") == [])
    }

    @Test(arguments: [("/name", ValidationIssue.Code.missingField), ("/domain", ValidationIssue.Code.missingField),
                      ("/version", ValidationIssue.Code.missingField), ("/team/name", ValidationIssue.Code.missingField)])
    func requiresWhatTheStandardLeavesOptional(pointer: String, code: String) throws {
        let found = try registrationIssues(pointer, nil)
        #expect(found.map(\.code) == [code])
        #expect(found.map(\.pointer.description) == [pointer])
    }

    @Test func requiresATeam() throws {
        let found = try registrationIssues("/team", nil)
        #expect(found.map(\.pointer.description) == ["/team"])
    }

    @Test func refusesTwoOutputPortsWithOneNameAndVersion() throws {
        let json = try Fixture.json("registry-example.odps.json")
        let port = try #require(json["outputPorts"]?[0])
        let twoVersions = try DataProduct(json: json.setting("/outputPorts", to: [port, port.setting("/version", to: "2.0.0")]))
        #expect(twoVersions.registrationIssues.isEmpty, "one port may be published in two versions")
        let product = try DataProduct(json: json.setting("/outputPorts", to: [port, port]))
        #expect(product.registrationIssues.map(\.code) == [ValidationIssue.Code.duplicate])
        #expect(product.registrationIssues.map(\.pointer.description) == ["/outputPorts/1/version"])
    }

    @Test func refusesAnUnknownProductType() throws {
        let found = try registrationIssues("/customProperties/0/value", "mixed")
        #expect(found.map(\.code) == [ValidationIssue.Code.invalidValue])
        #expect(found.map(\.pointer.description) == ["/customProperties/0/value"])
    }

    @Test func refusesABadInputContractReference() throws {
        let found = try registrationIssues("/outputPorts/0/inputContracts/0/version", "two")
        #expect(found.map(\.pointer.description) == ["/outputPorts/0/inputContracts/0/version"])
    }

    @Test func reportsFourProblemsAsFourIssuesInDocumentOrder() throws {
        let json = try Fixture.json("registry-example.odps.json")
            .setting("/id", to: "sales/orders")
            .setting("/version", to: "1.2")
            .setting("/status", to: "live")
            .setting("/outputPorts/0/contractId", to: nil)
        let found = try DataProduct(json: json).registrationIssues
        #expect(found.map(\.pointer.description) == ["/id", "/version", "/status", "/outputPorts/0/contractId"])
        #expect(found.map(\.code) == ["invalid-id", "invalid-semver", "invalid-status", "missing-field"])
    }
}
