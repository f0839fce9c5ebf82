import JSON
import MeshModel
import Testing
@testable import Compatibility

/// ODCS schema compatibility: the registry's example contract evolving, and small inline changes.
struct ODCSCompatibilityTests {
    let checker = ODCSCompatibilityChecker()

    static func contract(_ name: String) throws -> DataContract {
        try DataContract(json: try Fixture.json(name))
    }

    /// The example contract with its one object's properties replaced.
    static func contract(properties: [JSONValue], version: String = "1.0.0") throws -> DataContract {
        guard case .object(var root) = try Fixture.json("registry-example.odcs.json"),
              case .array(var objects)? = root["schema"], case .object(var object) = objects[0] else {
            throw FixtureError.unexpectedShape
        }
        object["properties"] = .array(properties)
        objects[0] = .object(object)
        root["schema"] = .array(objects)
        root["version"] = .string(version)
        root["apiVersion"] = "v3.2.0"
        return try DataContract(json: .object(root))
    }

    /// The example contract with relationships on its one object.
    static func contract(relationships: [JSONValue]) throws -> DataContract {
        let base = try contract(properties: [["name": "id", "logicalType": "string"], ["name": "customer_id", "logicalType": "string"]])
        guard case .object(var root) = base.json, case .array(var objects)? = root["schema"], case .object(var object) = objects[0] else {
            throw FixtureError.unexpectedShape
        }
        object["relationships"] = .array(relationships)
        objects[0] = .object(object)
        root["schema"] = .array(objects)
        return try DataContract(json: .object(root))
    }

    static func status(_ values: [String]?) -> JSONValue {
        var property: JSONObject = ["name": "status", "logicalType": "string", "required": true]
        if let values { property["enum"] = .array(values.map { ["value": .string($0)] }) }
        return .object(property)
    }

    enum FixtureError: Error { case unexpectedShape }

    static func rules(_ report: CompatibilityReport) -> [String] {
        report.findings.map { "\($0.direction.rawValue) \($0.rule) \($0.verdict.rawValue) \($0.oldPath?.description ?? "-") \($0.newPath?.description ?? "-")" }
    }

    @Test func registryExampleV2IsBreakingUnderFull() throws {
        let old = try Self.contract("registry-example.odcs.json")
        let new = try Self.contract("registry-example-v2-breaking.odcs.json")
        let report = checker.check(new: new, against: [old], mode: .full)
        #expect(Self.rules(report) == [
            "backward odcs.property-added additive - /schema/0/properties/2",
            "backward odcs.required-property-added breaking - /schema/0/properties/3",
            "backward odcs.property-removed additive /schema/0/properties/2 -",
            "backward odcs.logical-type-changed breaking /schema/0/properties/1/logicalType /schema/0/properties/1/logicalType",
            "forward odcs.property-removed breaking /schema/0/properties/2 -",
            "forward odcs.property-added additive - /schema/0/properties/2",
            "forward odcs.property-added additive - /schema/0/properties/3",
            "forward odcs.logical-type-changed breaking /schema/0/properties/1/logicalType /schema/0/properties/1/logicalType",
        ])
        #expect(!report.isCompatible)
        #expect(report.changeClass == .breaking)
    }

    @Test func identicalContractsHaveNoFindings() throws {
        let old = try Self.contract("registry-example.odcs.json")
        let report = checker.check(new: old, against: [old], mode: .fullTransitive)
        #expect(report.findings.isEmpty)
        #expect(report.changeClass == nil)
    }

    @Test func optionalPropertyAddedIsAdditiveBothWays() throws {
        let old = try Self.contract(properties: [["name": "id", "logicalType": "string", "required": true]])
        let new = try Self.contract(properties: [
            ["name": "id", "logicalType": "string", "required": true], ["name": "note", "logicalType": "string"],
        ])
        let report = checker.check(new: new, against: [old], mode: .full)
        #expect(Self.rules(report) == [
            "backward odcs.property-added additive - /schema/0/properties/1",
            "forward odcs.property-added additive - /schema/0/properties/1",
        ])
        #expect(report.changeClass == .additive)
    }

    @Test func makingAPropertyRequiredBreaksBackwardOnly() throws {
        let old = try Self.contract(properties: [["name": "email", "logicalType": "string", "required": false]])
        let new = try Self.contract(properties: [["name": "email", "logicalType": "string", "required": true]])
        #expect(Self.rules(checker.check(new: new, against: [old], mode: .backward)) == [
            "backward odcs.required-added breaking /schema/0/properties/0/required /schema/0/properties/0/required",
        ])
        #expect(Self.rules(checker.check(new: new, against: [old], mode: .forward)) == [
            "forward odcs.required-added additive /schema/0/properties/0/required /schema/0/properties/0/required",
        ])
        #expect(!checker.check(new: old, against: [new], mode: .forward).isCompatible)
    }

    @Test(arguments: [
        ("integer", "number", true), ("number", "integer", false), ("date", "timestamp", false), ("string", "integer", false),
    ])
    func logicalTypeWidening(from oldType: String, to newType: String, backwardCompatible: Bool) throws {
        let old = try Self.contract(properties: [["name": "value", "logicalType": .string(oldType)]])
        let new = try Self.contract(properties: [["name": "value", "logicalType": .string(newType)]])
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(report.findings.map(\.rule) == ["odcs.logical-type-changed"])
        #expect(report.isCompatible == backwardCompatible)
    }

    @Test func shrinkingMaxLengthOrRaisingMinimumBreaksBackward() throws {
        let old = try Self.contract(properties: [
            ["name": "code", "logicalType": "string", "logicalTypeOptions": ["maxLength": 10]],
            ["name": "amount", "logicalType": "number", "logicalTypeOptions": ["minimum": 0]],
        ])
        let new = try Self.contract(properties: [
            ["name": "code", "logicalType": "string", "logicalTypeOptions": ["maxLength": 8]],
            ["name": "amount", "logicalType": "number", "logicalTypeOptions": ["minimum": 1]],
        ])
        let backward = checker.check(new: new, against: [old], mode: .backward)
        #expect(Self.rules(backward) == [
            "backward odcs.logical-type-option-narrowed breaking /schema/0/properties/0/logicalTypeOptions/maxLength /schema/0/properties/0/logicalTypeOptions/maxLength",
            "backward odcs.logical-type-option-narrowed breaking /schema/0/properties/1/logicalTypeOptions/minimum /schema/0/properties/1/logicalTypeOptions/minimum",
        ])
        let forward = checker.check(new: new, against: [old], mode: .forward)
        #expect(forward.isCompatible)
        #expect(forward.findings.map(\.rule) == ["odcs.logical-type-option-widened", "odcs.logical-type-option-widened"])
    }

    @Test func primaryKeyChangesBreakBothWays() throws {
        let old = try Self.contract(properties: [["name": "id", "logicalType": "string", "primaryKey": true, "primaryKeyPosition": 1]])
        let new = try Self.contract(properties: [["name": "id", "logicalType": "string"]])
        let report = checker.check(new: new, against: [old], mode: .full)
        #expect(report.findings.map(\.rule) == ["odcs.primary-key-changed", "odcs.primary-key-changed"])
        #expect(report.breakingFindings.count == 2)
    }

    @Test func documentationChangesAreMetadata() throws {
        let old = try Self.contract(properties: [["name": "id", "logicalType": "string", "description": "Order id", "tags": ["a"]]])
        let new = try Self.contract(properties: [
            ["name": "id", "logicalType": "string", "description": "The order id", "tags": ["a", "b"], "classification": "internal",
             "examples": ["o-1"]],
        ])
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(report.findings.map(\.rule) == [
            "odcs.description-changed", "odcs.classification-changed", "odcs.tags-changed", "odcs.examples-changed",
        ])
        #expect(report.findings.first?.newPath == JSONPointer("/schema/0/properties/0/description"))
        #expect(report.changeClass == .metadata)
    }

    @Test func propertiesAreMatchedByIDAcrossRenames() throws {
        let old = try Self.contract(properties: [["id": "p1", "name": "cust_id", "logicalType": "string"]])
        let new = try Self.contract(properties: [["id": "p1", "name": "customer_id", "logicalType": "string"]])
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(Self.rules(report) == ["backward odcs.property-renamed breaking /schema/0/properties/0/name /schema/0/properties/0/name"])
    }

    @Test func nestedObjectsAndArrayItemsAreCompared() throws {
        let old = try Self.contract(properties: [
            ["name": "address", "logicalType": "object", "properties": [["name": "city", "logicalType": "string"]]],
            ["name": "lines", "logicalType": "array", "items": ["logicalType": "integer"]],
        ])
        let new = try Self.contract(properties: [
            ["name": "address", "logicalType": "object", "properties": [["name": "zip", "logicalType": "string", "required": true]]],
            ["name": "lines", "logicalType": "array", "items": ["logicalType": "string"]],
        ])
        let report = checker.check(new: new, against: [old], mode: .backward)
        #expect(Self.rules(report) == [
            "backward odcs.required-property-added breaking - /schema/0/properties/0/properties/0",
            "backward odcs.property-removed additive /schema/0/properties/0/properties/0 -",
            "backward odcs.logical-type-changed breaking /schema/0/properties/1/items/logicalType /schema/0/properties/1/items/logicalType",
        ])
    }

    // ODCS v3.2.0 enumerations, maps and relationships.

    @Test func removingAnEnumValueBreaksBackwardAndAddingOneBreaksOnlyForward() throws {
        let old = try Self.contract(properties: [Self.status(["pending", "paid", "shipped"])])
        let removed = try Self.contract(properties: [Self.status(["pending", "paid"])], version: "2.0.0")
        let added = try Self.contract(properties: [Self.status(["pending", "paid", "shipped", "returned"])], version: "1.1.0")
        #expect(Self.rules(checker.check(new: removed, against: [old], mode: .backward)) == [
            "backward odcs.enum-value-removed breaking /schema/0/properties/0/enum /schema/0/properties/0/enum",
        ])
        #expect(!checker.check(new: removed, against: [old], mode: .backward).isCompatible)
        let addedBackward = checker.check(new: added, against: [old], mode: .backward)
        #expect(Self.rules(addedBackward) == ["backward odcs.enum-value-added additive /schema/0/properties/0/enum /schema/0/properties/0/enum"])
        #expect(addedBackward.isCompatible)
        #expect(addedBackward.changeClass == .additive)
        let addedForward = checker.check(new: added, against: [old], mode: .forward)
        #expect(Self.rules(addedForward) == ["forward odcs.enum-value-added breaking /schema/0/properties/0/enum /schema/0/properties/0/enum"])
        #expect(!addedForward.isCompatible)
        #expect(addedForward.findings.first?.message.contains("\"returned\"") == true)
    }

    @Test func anEnumOnAFreeValueNarrowsAndDroppingItWidens() throws {
        let free = try Self.contract(properties: [Self.status(nil)])
        let limited = try Self.contract(properties: [Self.status(["pending"])], version: "2.0.0")
        #expect(Self.rules(checker.check(new: limited, against: [free], mode: .backward)) == [
            "backward odcs.enum-added breaking - /schema/0/properties/0/enum",
        ])
        #expect(Self.rules(checker.check(new: free, against: [limited], mode: .backward)) == [
            "backward odcs.enum-removed additive /schema/0/properties/0/enum -",
        ])
    }

    static func map(key: String, value: String) -> JSONValue {
        ["name": "counts", "logicalType": "map", "map": ["key": ["logicalType": .string(key)], "value": ["logicalType": .string(value)]]]
    }

    @Test func mapKeyAndValueTypesAreComparedAsProperties() throws {
        let old = try Self.contract(properties: [Self.map(key: "string", value: "integer")])
        let widened = try Self.contract(properties: [Self.map(key: "string", value: "number")], version: "1.1.0")
        let rekeyed = try Self.contract(properties: [Self.map(key: "integer", value: "integer")], version: "2.0.0")
        #expect(Self.rules(checker.check(new: widened, against: [old], mode: .full)) == [
            "backward odcs.logical-type-changed additive /schema/0/properties/0/map/value/logicalType /schema/0/properties/0/map/value/logicalType",
            "forward odcs.logical-type-changed breaking /schema/0/properties/0/map/value/logicalType /schema/0/properties/0/map/value/logicalType",
        ])
        #expect(checker.check(new: widened, against: [old], mode: .backward).isCompatible)
        #expect(Self.rules(checker.check(new: rekeyed, against: [old], mode: .backward)) == [
            "backward odcs.logical-type-changed breaking /schema/0/properties/0/map/key/logicalType /schema/0/properties/0/map/key/logicalType",
        ])
    }

    @Test func relationshipsAreMatchedByIdAndRemovingOrRepointingOneBreaks() throws {
        let customers: JSONValue = ["id": "to-customers", "type": "foreignKey", "from": "orders.customer_id", "to": "customers.id"]
        let accounts: JSONValue = ["id": "to-customers", "type": "foreignKey", "from": "orders.customer_id", "to": "accounts.id"]
        let products: JSONValue = ["from": "orders.id", "to": "lines.order_id"]
        let old = try Self.contract(relationships: [customers])
        let added = try Self.contract(relationships: [customers, products])
        let removed = try Self.contract(relationships: [])
        let repointed = try Self.contract(relationships: [accounts])
        let addedReport = checker.check(new: added, against: [old], mode: .full)
        #expect(Set(addedReport.findings.map(\.rule)) == ["odcs.relationship-added"])
        #expect(addedReport.isCompatible)
        #expect(addedReport.findings.allSatisfy { $0.newPath?.description == "/schema/0/relationships/1" && $0.oldPath == nil })
        let removedReport = checker.check(new: removed, against: [old], mode: .backward)
        #expect(Self.rules(removedReport) == ["backward odcs.relationship-removed breaking /schema/0/relationships/0 -"])
        #expect(Self.rules(checker.check(new: repointed, against: [old], mode: .forward)) == [
            "forward odcs.relationship-changed breaking /schema/0/relationships/0 /schema/0/relationships/0",
        ])
    }

    @Test func anUnchangedV32ContractHasNoFindingsAndDeprecationIsMetadata() throws {
        let contract = try Self.contract(properties: [Self.status(["pending"])])
        #expect(checker.check(new: contract, against: [contract], mode: .fullTransitive).findings.isEmpty)
        var deprecated = Self.status(["pending"]).objectValue!
        deprecated["deprecated"] = true
        let marked = try Self.contract(properties: [.object(deprecated)], version: "1.0.1")
        let report = checker.check(new: marked, against: [contract], mode: .full)
        #expect(Set(report.findings.map(\.rule)) == ["odcs.deprecated-changed"])
        #expect(report.changeClass == .metadata)
    }
}
