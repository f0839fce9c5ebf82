import Foundation
import JSON
import Testing
import YAML

/// The bundled ODCS/ODPS documents read exactly as PyYAML's `yaml.safe_load` reads them.
///
/// `Fixtures/make-expected.py` wrote each `<name>.expected.json` once. PyYAML implements YAML 1.1;
/// none of these files uses a construct where 1.1 and the 1.2 core schema differ (unquoted dates,
/// yes/no/on/off, 0-prefixed octals, sexagesimals): the dates are quoted, `unit: y` is a string in
/// both (PyYAML does not resolve y/n), and `value: 09:00-08:00` is a string in both.
@Suite struct YAMLFixtureTests {
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static let names: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))
        .map { $0.filter { $0.hasSuffix(".yaml") }.sorted() } ?? []

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    @Test func bundlesEveryStandardExample() {
        #expect(Self.names.count == 6)
    }

    /// `==` on `JSONValue` keeps `.integer(1)` and `.double(1.0)` apart, and Python writes floats with a '.'.
    @Test(arguments: names)
    func matchesPyYAML(name: String) throws {
        let expectedName = name.replacingOccurrences(of: ".yaml", with: ".expected.json")
        let expected = try JSONParser.parse(try Self.bytes(expectedName))
        let document = try YAMLReader.parse(try Self.bytes(name))
        #expect(document.value == expected)
        #expect(document.value.encoded(.sortedKeys) == expected.encoded(.sortedKeys))
    }

    /// A file cut off after any line reads as a value or fails with an error; it never traps.
    @Test(arguments: names)
    func survivesTruncationAtEveryLine(name: String) throws {
        let bytes = try Self.bytes(name)
        var outcomes = 0
        for end in bytes.indices where bytes[end] == UInt8(ascii: "\n") {
            do {
                _ = try YAMLReader.parse(bytes[...end])
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
            outcomes += 1
        }
        #expect(outcomes > 15)
    }

    @Test func locatesNestedNodesInAFixture() throws {
        let document = try YAMLReader.parse(try Self.bytes("registry-example.odcs.yaml"))
        #expect(document.location(of: JSONPointer("/schema/0/properties/1/name")!) == SourceLocation(line: 34, column: 15))
        #expect(document.location(of: JSONPointer("/schema/0/properties/1")!) == SourceLocation(line: 33, column: 9))
        #expect(document.value.value(at: JSONPointer("/schema/0/properties/1/name")!) == "customer_id")
    }
}
