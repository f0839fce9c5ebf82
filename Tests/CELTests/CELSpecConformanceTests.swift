import Foundation
import JSON
import Testing

import CEL

/// One recorded case of the google/cel-spec conformance suite (Fixtures/cel-spec-cases.json).
struct CELSpecCase: Sendable, CustomTestStringConvertible {
    let id: String
    let expression: String
    let expected: JSONValue
    let bindings: [String: CELValue]
    let features: [String]

    var testDescription: String { id }

    /// Features this module deliberately leaves out; cases tagged with one are skipped.
    /// Empty: every recorded case runs.
    static let unsupportedFeatures: Set<String> = []

    static let all: [CELSpecCase] = {
        let url = Bundle.module.url(forResource: "cel-spec-cases", withExtension: "json", subdirectory: "Fixtures")!
        let json = try! JSONParser.parse(Array(try! Data(contentsOf: url)))
        return json.arrayValue!.map { entry in
            CELSpecCase(
                id: entry["id"]!.stringValue!,
                expression: entry["expr"]!.stringValue!,
                expected: entry["expected"]!,
                bindings: (entry["bindings_typed"]?.objectValue).map { object in
                    Dictionary(uniqueKeysWithValues: object.map { ($0.key, typedValue($0.value)) })
                } ?? [:],
                features: entry["features"]!.arrayValue!.map { $0.stringValue! })
        }
    }()

    static var supported: [CELSpecCase] { all.filter { unsupportedFeatures.isDisjoint(with: $0.features) } }

    /// Decodes the fixture's tagged values: `{"int": 1}`, `{"uint": 1}`, `{"bytes": "AA=="}`, `{"map": [[k, v]]}`, ….
    static func typedValue(_ json: JSONValue) -> CELValue {
        let (tag, value) = json.objectValue!.first { _ in true }!
        switch tag {
        case "null": return .null
        case "bool": return .bool(value.boolValue!)
        case "int": return .int(value.integerValue!)
        case "uint": return .uint(UInt64(value.integerValue!))
        case "double": return .double(value.numberValue!)
        case "string": return .string(value.stringValue!)
        case "bytes": return .bytes(Array(Data(base64Encoded: value.stringValue!)!))
        case "list": return .list(value.arrayValue!.map(typedValue))
        case "map":
            let entries = value.arrayValue!.map { pair in (key: typedValue(pair[0]!), value: typedValue(pair[1]!)) }
            return .map(try! CELMap(entries: entries))
        default: fatalError("unknown tag \(tag) in fixture")
        }
    }
}

@Suite("google/cel-spec conformance cases")
struct CELSpecConformanceTests {
    @Test("every recorded case runs; none is skipped")
    func caseCount() {
        print("cel-spec conformance: \(CELSpecCase.supported.count) of \(CELSpecCase.all.count) cases run")
        #expect(CELSpecCase.all.count == 501)
        #expect(CELSpecCase.supported.count == CELSpecCase.all.count)
    }

    @Test("evaluates as cel-spec expects", arguments: CELSpecCase.supported)
    func conformance(_ specCase: CELSpecCase) throws {
        let result: CELValue
        do {
            result = try CELProgram.compile(specCase.expression).evaluate(CELActivation(variables: specCase.bindings))
        } catch {
            #expect(specCase.expected["error"] != nil, "compile failed: \(error)")
            return
        }
        if specCase.expected["error"] != nil {
            #expect(result.isError, "expected an error, got \(result)")
            return
        }
        let json = result.resultJSON
        #expect(json["type"] == specCase.expected["type"], "got \(json.encoded())")
        #expect(json["value"] == specCase.expected["value"], "got \(json.encoded())")
    }
}
