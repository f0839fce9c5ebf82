import JSON
import Testing
@testable import Compatibility

/// Confluent Schema Registry's JSON Schema diff examples: the BACKWARD verdict must equal Confluent's
/// for every recorded case.
struct JSONSchemaConfluentVectorTests {
    static let vectors = Vector.all(in: "jsonschema-confluent-cases.json")

    @Test func allRecordedCasesAreLoaded() {
        #expect(Self.vectors.count == 125)
        print("JSON Schema Confluent vectors: \(Self.vectors.count)")
    }

    @Test(arguments: vectors)
    func verdictMatchesConfluent(_ vector: Vector) throws {
        let original = try JSONSchemaDocument(json: try #require(vector.object["original"]))
        let update = try JSONSchemaDocument(json: try #require(vector.object["update"]))
        guard let expected = vector.object["compatible"]?.boolValue else {
            Issue.record("\(vector.id) has no recorded verdict")
            return
        }
        let checker = JSONSchemaCompatibilityChecker()
        let report = checker.check(new: update, against: [original], mode: .backward)
        #expect(report.isCompatible == expected, "\(checker.confluentChanges(reader: update, writer: original))")
        #expect(checker.canRead(reader: update, writer: original) == expected)
    }

    /// Where meshreg deliberately reports more than Confluent's 2020-12 loader, which drops `$id`
    /// and `minProperties` on bare object schemas; both extra changes are compatible, so verdicts agree.
    static let reportedBeyondConfluent: [String: [String]] = [
        "json-106": ["ID_CHANGED #/"],
        "json-166": ["MIN_PROPERTIES_REMOVED #/minProperties"],
    ]

    /// Confluent's names and paths for the changes match the recorded ones, ignoring order.
    @Test(arguments: vectors)
    func changeNamesMatchConfluent(_ vector: Vector) throws {
        let original = try JSONSchemaDocument(json: try #require(vector.object["original"]))
        let update = try JSONSchemaDocument(json: try #require(vector.object["update"]))
        let recorded = (vector.object["changes"]?.arrayValue ?? []).compactMap(\.stringValue)
        let found = JSONSchemaCompatibilityChecker().confluentChanges(reader: update, writer: original)
        #expect(found.sorted() == (recorded + (Self.reportedBeyondConfluent[vector.id] ?? [])).sorted())
    }
}
