import JSON
import Testing
@testable import MeshModel

@Suite struct StandardUpgradeTests {
    @Test func aV10ProductGetsTheNewVersionAndItsTypeFromTheHint() throws {
        let product = try Fixture.json("registry-example.odps.json").setting("/apiVersion", to: "v1.0.0")
        let upgrade = try StandardUpgrade(product, to: "v1.1.0")
        let expected: [StandardUpgrade.Edit] = [
            .replaceValue(JSONPointer.root / "apiVersion", JSONValue.string("v1.1.0")),
            .insertKey("type", JSONValue.string("consumerAligned"), after: "domain"),
            .removeElement(JSONPointer.root / "customProperties" / 0, removesArray: true),
        ]
        #expect(upgrade.changes.map(\.edit) == expected)
        let upgraded = upgrade.applied(to: product)
        #expect(upgraded["type"] == "consumerAligned")
        #expect(upgraded["customProperties"] == nil)
        let keys: [String] = upgraded.objectValue?.keys ?? []
        let typeIndex = try #require(keys.firstIndex(of: "type"))
        let domainIndex = try #require(keys.firstIndex(of: "domain"))
        #expect(typeIndex == domainIndex + 1)
        let read = try DataProduct(json: upgraded)
        #expect(read.productType == "consumerAligned")
        #expect(read.registrationIssues == [])
    }

    @Test(arguments: ["v3.0.2", "v3.1.0"])
    func anOlderContractOnlyChangesItsVersion(apiVersion: String) throws {
        let contract = try Fixture.json("registry-example.odcs.json").setting("/apiVersion", to: .string(apiVersion))
        let upgrade = try StandardUpgrade(contract, to: "v3.2.0")
        let expected: [StandardUpgrade.Edit] = [.replaceValue(JSONPointer.root / "apiVersion", JSONValue.string("v3.2.0"))]
        #expect(upgrade.changes.map(\.edit) == expected)
        let upgraded = upgrade.applied(to: contract)
        let changed: [JSONPointer] = JSONDifference.between(contract, upgraded).map(\.pointer)
        #expect(changed == [JSONPointer.root / "apiVersion"])
        #expect(issues { _ = try DataContract(json: upgraded) } == [])
    }

    @Test func theOfficialOlderExamplesUpgradeAndStillValidate() throws {
        for name in ["odcs-example-full.odcs.json", "odcs-example-table-column.odcs.json", "odps-example-customer.odps.json"] {
            let json = try Fixture.json(name)
            let target = name.hasPrefix("odcs") ? Standard.odcs.currentAPIVersion : Standard.odps.currentAPIVersion
            let upgrade = try StandardUpgrade(json, to: target)
            #expect(upgrade.changesDocument, "\(name)")
            #expect(issues { _ = try MeshDocument.decode(upgrade.applied(to: json)) } == [], "\(name)")
        }
    }

    @Test func aCurrentDocumentHasNothingToChange() throws {
        let contract = try Fixture.json("odcs-v3.2.0-enum.odcs.json")
        #expect(try StandardUpgrade(contract, to: "v3.2.0").changes == [])
    }

    @Test(arguments: [
        ("registry-example.odcs.json", "v3.0.0", "later than v3.0.0"),
        ("registry-example.odcs.json", "v1.1.0", "not a version of ODCS"),
        ("registry-example.odps.json", "v3.2.0", "not a version of ODPS"),
    ])
    func refusesAnUpgradeBackwardsOrToAnotherStandard(fixture: String, target: String, message: String) throws {
        let json = try Fixture.json(fixture).setting("/apiVersion", to: fixture.contains("odcs") ? "v3.1.0" : "v1.0.0")
        #expect { try StandardUpgrade(json, to: target) } throws: { ($0 as? StandardUpgradeError)?.description.contains(message) == true }
    }

    @Test func refusesADomainAndAnUnknownVersion() throws {
        #expect(throws: StandardUpgradeError.self) { try StandardUpgrade(Fixture.domain, to: "v3.2.0") }
        let unknown = try Fixture.json("registry-example.odcs.json").setting("/apiVersion", to: "v3.9.0")
        #expect { try StandardUpgrade(unknown, to: "v3.2.0") } throws: { ($0 as? StandardUpgradeError)?.description.contains("v3.2.0, v3.1.0") == true }
    }
}
