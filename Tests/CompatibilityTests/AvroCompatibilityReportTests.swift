import JSON
import Testing
@testable import Compatibility

/// Avro reports: rule ids, paths in the old and new documents, verdicts and the modes.
struct AvroCompatibilityReportTests {
    let checker = AvroCompatibilityChecker()

    static func record(_ fields: String, name: String = "Order") throws -> AvroSchema {
        try AvroSchema(parsing: #"{"type":"record","name":"\#(name)","namespace":"shop","fields":[\#(fields)]}"#)
    }

    static let v1 = #"{"name":"id","type":"string"},{"name":"amount","type":"int"}"#
    static let v2 = #"{"name":"id","type":"string"},{"name":"amount","type":"long"},{"name":"note","type":["null","string"],"default":null}"#
    static let v3 = #"{"name":"id","type":"string"},{"name":"amount","type":"long"},{"name":"note","type":["null","string"],"default":null},{"name":"email","type":"string"}"#

    @Test func addingAFieldWithoutDefaultBreaksBackwardAtTheNewField() throws {
        let report = checker.check(new: try Self.record(Self.v3), against: [try Self.record(Self.v2)], mode: .backward)
        #expect(report.findings.map(\.rule) == ["avro.reader-field-missing-default"])
        #expect(report.findings[0].newPath == JSONPointer("/fields/3"))
        #expect(report.findings[0].oldPath == JSONPointer("/fields"))
        #expect(report.findings[0].direction == .backward)
        #expect(!report.isCompatible)
        #expect(report.changeClass == .breaking)
    }

    @Test func compatibleEvolutionIsAdditive() throws {
        let report = checker.check(new: try Self.record(Self.v2), against: [try Self.record(Self.v1)], mode: .full)
        #expect(report.findings.map { "\($0.direction.rawValue) \($0.rule)" } == [
            "backward avro.type-promoted", "backward avro.field-added",
            "forward avro.type-mismatch", "forward avro.field-added",
        ])
        #expect(!report.isCompatible, "an old int reader cannot read long data")
        let backward = checker.check(new: try Self.record(Self.v2), against: [try Self.record(Self.v1)], mode: .backward)
        #expect(backward.isCompatible)
        #expect(backward.changeClass == .additive)
        #expect(backward.findings[0].oldPath == JSONPointer("/fields/1/type"))
        #expect(backward.findings[0].newPath == JSONPointer("/fields/1/type"))
    }

    @Test func transitiveModesCheckEveryEarlierVersionNewestFirst() throws {
        let versions = [try Self.record(Self.v1), try Self.record(Self.v2)]
        let new = try Self.record(#"{"name":"id","type":"string"},{"name":"amount","type":"long"}"#)
        let latestOnly = checker.check(new: new, against: versions, mode: .forward)
        #expect(latestOnly.isCompatible)
        #expect(Set(latestOnly.findings.map(\.previousIndex)) == [1])
        let transitive = checker.check(new: new, against: versions, mode: .forwardTransitive)
        #expect(!transitive.isCompatible, "v1 reads amount as int")
        #expect(transitive.findings.first?.previousIndex == 1)
        #expect(transitive.breakingFindings.map(\.previousIndex) == [0])
    }

    @Test func noneModeListsDifferencesWithoutBreaking() throws {
        let report = checker.check(new: try Self.record(Self.v3), against: [try Self.record(Self.v2)], mode: .none)
        #expect(report.isCompatible)
        #expect(report.findings.map(\.rule) == ["avro.reader-field-missing-default"])
        #expect(report.changeClass == .additive)
    }

    @Test func noPreviousVersionMeansNoFindings() throws {
        #expect(checker.check(new: try Self.record(Self.v1), against: [], mode: .fullTransitive).findings.isEmpty)
    }

    @Test func identicalSchemasHaveNoFindingsAndDocChangesAreMetadata() throws {
        let schema = try Self.record(Self.v1)
        #expect(checker.check(new: schema, against: [schema], mode: .full).changeClass == nil)
        let documented = try Self.record(#"{"name":"id","type":"string","doc":"The order id"},{"name":"amount","type":"int"}"#)
        let report = checker.check(new: documented, against: [schema], mode: .backward)
        #expect(report.findings.map(\.rule) == ["avro.doc-changed"])
        #expect(report.findings[0].newPath == JSONPointer("/fields/0/doc"))
        #expect(report.changeClass == .metadata)
    }

    @Test func enumSymbolRemovalNeedsAReaderDefault() throws {
        let writer = try AvroSchema(parsing: #"{"type":"enum","name":"S","symbols":["A","B","C"]}"#)
        let strict = try AvroSchema(parsing: #"{"type":"enum","name":"S","symbols":["A","B"]}"#)
        let lenient = try AvroSchema(parsing: #"{"type":"enum","name":"S","symbols":["A","B"],"default":"A"}"#)
        let broken = checker.check(new: strict, against: [writer], mode: .backward)
        #expect(broken.findings.map(\.rule) == ["avro.enum-symbol-missing"])
        #expect(broken.findings[0].newPath == JSONPointer("/symbols"))
        #expect(checker.check(new: lenient, against: [writer], mode: .backward).findings.map(\.rule) == ["avro.enum-symbols-removed"])
    }

    @Test func renamesThroughAliasesAreAdditive() throws {
        let writer = try Self.record(#"{"name":"total","type":"int"}"#)
        let reader = try AvroSchema(parsing: #"{"type":"record","name":"Purchase","namespace":"shop","aliases":["Order"],"fields":[{"name":"amount","type":"int","aliases":["total"]}]}"#)
        let report = checker.check(new: reader, against: [writer], mode: .backward)
        #expect(report.isCompatible)
        #expect(report.findings.map(\.rule) == ["avro.name-changed", "avro.field-renamed"])
    }

    @Test func recursiveRecordsTerminate() throws {
        let list = #"{"type":"record","name":"Node","fields":[{"name":"value","type":"TYPE"},{"name":"next","type":["null","Node"]}]}"#
        let writer = try AvroSchema(parsing: list.replacing("TYPE", with: "int"))
        let reader = try AvroSchema(parsing: list.replacing("TYPE", with: "long"))
        #expect(checker.canRead(reader: reader, writer: writer))
        #expect(!checker.canRead(reader: writer, writer: reader))
    }

    @Test func reportRendersAsJSON() throws {
        let report = checker.check(new: try Self.record(Self.v3), against: [try Self.record(Self.v2)], mode: .backward)
        let json = report.json
        #expect(json["isCompatible"] == false)
        #expect(json["changeClass"] == "breaking")
        #expect(json["mode"] == "BACKWARD")
        #expect(json["findings"]?[0]?["rule"] == "avro.reader-field-missing-default")
        #expect(json["findings"]?[0]?["newPath"] == "/fields/3")
        #expect(json["findings"]?[0]?["verdict"] == "breaking")
    }
}
