import Foundation
import JSON
import Testing

/// The JSON fixtures in Fixtures/: recorded peer test vectors and the registry's example contracts.
enum Fixture {
    static func json(_ name: String) throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try JSONParser.parse(Array(try Data(contentsOf: url)), limits: JSONLimits(maxDepth: 128))
    }

    /// The cases of a vector file as objects, loaded once per use; a missing file fails the test that needs it.
    static func cases(_ name: String) -> [JSONObject] {
        guard let cases = try? json(name).arrayValue else { return [] }
        return cases.compactMap(\.objectValue)
    }
}

/// A test vector: its id (shown in test names) and the recorded object.
struct Vector: Sendable, CustomTestStringConvertible {
    let id: String
    let object: JSONObject

    var testDescription: String { id }

    static func all(in file: String) -> [Vector] {
        Fixture.cases(file).map { Vector(id: $0["id"]?.stringValue ?? "?", object: $0) }
    }
}
