import JSON
import Testing
@testable import Compatibility

/// Apache Avro's, Confluent's and Karapace's reader/writer pairs: the verdict must equal Java's
/// `SchemaCompatibility` for every recorded case.
struct AvroResolutionVectorTests {
    static let vectors = Vector.all(in: "avro-resolution-cases.json")

    @Test func allRecordedCasesAreLoaded() {
        #expect(Self.vectors.count == 123)
        print("Avro resolution vectors: \(Self.vectors.count)")
    }

    @Test(arguments: vectors)
    func verdictMatchesJava(_ vector: Vector) throws {
        let readerJSON = try #require(vector.object["reader"])
        let writerJSON = try #require(vector.object["writer"])
        guard let expected = vector.object["compatible"]?.boolValue else {
            let refused = (try? AvroSchema(json: readerJSON)) == nil || (try? AvroSchema(json: writerJSON)) == nil
            #expect(refused, "one of the schemas must be refused as invalid")
            return
        }
        let reader = try AvroSchema(json: readerJSON)
        let writer = try AvroSchema(json: writerJSON)
        let checker = AvroCompatibilityChecker()
        #expect(checker.canRead(reader: reader, writer: writer) == expected)
        let report = checker.check(new: reader, against: [writer], mode: .backward)
        #expect(report.isCompatible == expected, "\(report.findings.map(\.rule))")
        if !expected {
            #expect(!report.breakingFindings.isEmpty)
        }
    }
}
