import JSON
import Testing
@testable import MeshModel

/// Random mutations of the examples: reading never traps, and every issue points into the document.
@Suite struct MutationFuzzTests {
    @Test(arguments: Fixture.officialProducts + Fixture.registryProducts + Fixture.officialContracts + Fixture.registryContracts
        + ["Domain document"])
    func randomMutationsNeverTrapAndIssuesPointIntoTheDocument(name: String) throws {
        let original = name.hasSuffix(".json") ? try Fixture.json(name) : Fixture.domain
        var random = SplitMix64(seed: UInt64(name.utf8.count) &* 0x9E37_79B9)
        let paths = Self.pointers(in: original)
        for _ in 0..<300 {
            var json = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let path = paths.randomElement(using: &random)!
                json = Self.mutate(json, at: path, using: &random)
            }
            for issue in Self.readIssues(json) {
                let parent = JSONPointer(tokens: Array(issue.pointer.tokens.dropLast()))
                #expect(json.value(at: issue.pointer) != nil || json.value(at: parent) != nil, "\(issue) in \(name)")
                #expect(!issue.message.isEmpty && !issue.code.isEmpty)
            }
        }
    }

    @Test func nonObjectValuesAnywhereAreRefusedNotTrapped() {
        for value: JSONValue in [nil, true, 1, 1.5, "x", [], [:], [[:]], [nil]] {
            #expect(issues { _ = try MeshDocument.decode(value) }.count >= 1)
            #expect(issues { _ = try DataProduct(json: value) }.count >= 1)
            #expect(issues { _ = try DataContract(json: value) }.count >= 1)
            #expect(issues { _ = try DomainDocument(json: value) }.count >= 1)
        }
    }

    /// Issues from reading `json` as its kind, plus its registration issues when it is readable.
    private static func readIssues(_ json: JSONValue) -> [ValidationIssue] {
        do throws(DocumentValidationError) {
            return try MeshDocument.decode(json).registrationIssues
        } catch {
            #expect(!error.issues.isEmpty)
            return error.issues
        }
    }

    private static func pointers(in value: JSONValue, at pointer: JSONPointer = .root) -> [JSONPointer] {
        switch value {
        case .object(let object): [pointer] + object.flatMap { pointers(in: $0.value, at: pointer / $0.key) }
        case .array(let elements): [pointer] + elements.enumerated().flatMap { pointers(in: $0.element, at: pointer / $0.offset) }
        default: [pointer]
        }
    }

    private static func mutate(_ json: JSONValue, at pointer: JSONPointer, using random: inout SplitMix64) -> JSONValue {
        guard let current = json.value(at: pointer) else { return json }
        let replacement: JSONValue? = switch Int.random(in: 0..<8, using: &random) {
        case 0: nil
        case 1: .string(["", "..", "1.2", "v1.0.0", "owner", "a/b", "\u{0}", String(repeating: "x", count: 200)].randomElement(using: &random)!)
        case 2: .integer(Int64.random(in: -3...3, using: &random))
        case 3: .bool(Bool.random(using: &random))
        case 4: .array([current, current])
        case 5: ["unexpected": current]
        case 6: .null
        default: .object(JSONObject())
        }
        return replace(in: json, tokens: pointer.tokens[...], with: replacement)
    }

    private static func replace(in value: JSONValue, tokens: ArraySlice<String>, with replacement: JSONValue?) -> JSONValue {
        guard let token = tokens.first else { return replacement ?? .null }
        switch value {
        case .object(var object):
            object[token] = tokens.count == 1 ? replacement : object[token].map { replace(in: $0, tokens: tokens.dropFirst(), with: replacement) }
            return .object(object)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else { return value }
            if tokens.count == 1, replacement == nil { elements.remove(at: index) } else {
                elements[index] = replace(in: elements[index], tokens: tokens.dropFirst(), with: replacement)
            }
            return .array(elements)
        default:
            return value
        }
    }
}

/// A small seeded generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
