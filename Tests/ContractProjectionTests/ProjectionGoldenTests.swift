import Foundation
import JSON
import Testing
@testable import ContractProjection

/// Whole projections of three shipped contracts against golden files in Tests/Golden/projection
/// (rewritten with MESHREG_UPDATE_GOLDEN=1; review the diff before committing it).
@Suite struct ProjectionGoldenTests {
    static let cases: [(contract: String, format: ProjectionFormat, golden: String)] = [
        ("Domains/clickstream/contracts/clickstream.page-views.odcs.yaml", .avro, "clickstream.page-views.avro"),
        ("Domains/orders/contracts/orders.order-events-v1.1.0.odcs.yaml", .jsonSchema, "orders.order-events-1.1.0.jsonschema"),
        ("Domains/orders/contracts/orders.order-events-v1.1.0.odcs.yaml", .protobuf, "orders.order-events-1.1.0.protobuf"),
    ]

    @Test(arguments: cases.indices)
    func projectionMatchesItsGoldenFile(index: Int) throws {
        let (path, format, golden) = Self.cases[index]
        let projection = try ContractProjection(contract: try ContractFiles.contract(path), format: format)
        var readable = projection.json.objectValue ?? [:]
        if format != .protobuf { readable["schema"] = try JSONParser.parse(projection.schema) }
        let text = JSONValue.object(readable).encoded(.prettyPrinted) + "\n" + (format == .protobuf ? "\n" + projection.schema : "")
        let url = ContractFiles.repositoryRoot.appendingPathComponent("Tests/Golden/projection/\(golden).txt")
        if ProcessInfo.processInfo.environment["MESHREG_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
    }
}
