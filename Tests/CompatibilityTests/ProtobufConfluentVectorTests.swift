import JSON
import Protobuf
import Testing
@testable import Compatibility

/// Confluent Schema Registry's Protobuf diff examples: meshreg's BACKWARD verdict and the names and
/// paths of the differences must equal Confluent's for every recorded case; Karapace's cases must
/// get Karapace's verdict.
struct ProtobufConfluentVectorTests {
    static let vectors = Vector.all(in: "protobuf-confluent-cases.json")
    static let karapaceVectors = Vector.all(in: "protobuf-karapace-cases.json")

    @Test func allRecordedCasesAreLoaded() {
        #expect(Self.vectors.count == 39)
        #expect(Self.karapaceVectors.count == 5)
    }

    @Test(arguments: karapaceVectors)
    func verdictMatchesKarapace(_ vector: Vector) throws {
        let (original, update) = try Self.schemas(vector)
        let expected = try #require(vector.object["compatible"]?.boolValue)
        #expect(ProtobufCompatibilityChecker().check(new: update, against: [original], mode: .backward).isCompatible == expected)
    }

    static func schemas(_ vector: Vector) throws -> (original: ProtobufSchema, update: ProtobufSchema) {
        func dependencies(_ key: String) -> [String: String] {
            (vector.object[key]?.objectValue ?? [:]).reduce(into: [:]) { $0[$1.key] = $1.value.stringValue }
        }
        let original = try ProtobufSchema(parsing: try #require(vector.object["original"]?.stringValue), dependencies: dependencies("originalDependencies"))
        let update = try ProtobufSchema(parsing: try #require(vector.object["update"]?.stringValue), dependencies: dependencies("updateDependencies"))
        return (original, update)
    }

    @Test(arguments: vectors)
    func verdictMatchesConfluent(_ vector: Vector) throws {
        let (original, update) = try Self.schemas(vector)
        let expected = try #require(vector.object["compatible"]?.boolValue)
        let checker = ProtobufCompatibilityChecker()
        let report = checker.check(new: update, against: [original], mode: .backward)
        #expect(report.isCompatible == expected, "\(checker.confluentChanges(reader: update, writer: original))")
        #expect(checker.canRead(reader: update, writer: original) == expected)
    }

    @Test(arguments: vectors)
    func changeNamesMatchConfluent(_ vector: Vector) throws {
        let (original, update) = try Self.schemas(vector)
        let recorded = (vector.object["changes"]?.arrayValue ?? []).compactMap(\.stringValue)
        let found = ProtobufCompatibilityChecker().confluentChanges(reader: update, writer: original)
        #expect(found.sorted() == recorded.sorted())
    }
}
