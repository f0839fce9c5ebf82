import JSON
import Testing
import YAML

/// Limits, hostile input, line-ending and encoding variants, and source locations.
@Suite struct YAMLRobustnessTests {
    static let sample = """
        # A contract fragment
        apiVersion: v3.1.0
        kind: DataContract
        schema:
        - name: orders
          tags: [a, "b", {c: 1}]
          properties:
            - &id {name: order_id, required: true}
            - *id
          description: |
            Orders placed
            online.
          note: >-
            folded
            text
        quoted: "x\\ty \\u00e9"
        numbers: [0x1F, 0o17, 1e3, .inf, ~]
        """

    @Test func refusesBillionLaughsQuickly() {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let clock = ContinuousClock()
        let started = clock.now
        #expect {
            try YAMLReader.parse(yaml)
        } throws: { error in
            let error = error as! YAMLError
            return error.code == .limitExceeded && error.message.contains("billion laughs") && error.line == 6
        }
        #expect(clock.now - started < .seconds(1))
    }

    @Test func countsAliasExpansionAgainstAConfigurableLimit() throws {
        let yaml = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        #expect(try YAMLReader.parse(yaml).value["b"] == [[1, 2, 3], [1, 2, 3]])
        #expect(throws: YAMLError.self) { try YAMLReader.parse(yaml, limits: YAMLLimits(maxAliasExpansionNodes: 7)) }
    }

    @Test func enforcesTheDepthLimit() throws {
        let flow = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect { try YAMLReader.parse(flow) } throws: { ($0 as! YAMLError).message.contains("deeper than 64") }
        #expect(try YAMLReader.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).value.arrayValue != nil)
        var block = ""
        for level in 0..<65 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect { try YAMLReader.parse(block) } throws: { ($0 as! YAMLError).code == .limitExceeded }
        let nested = String(repeating: "- ", count: 65) + "x"
        #expect { try YAMLReader.parse(nested) } throws: { ($0 as! YAMLError).code == .limitExceeded }
    }

    @Test func aliasesCannotExceedTheDepthLimit() {
        let yaml = "a: &a [[1]]\nb: [[*a]]\n"
        #expect { try YAMLReader.parse(yaml, limits: YAMLLimits(maxDepth: 4)) } throws: { error in
            let error = error as! YAMLError
            return error.code == .limitExceeded && error.location == SourceLocation(line: 2, column: 6)
        }
    }

    @Test func enforcesSizeAndScalarLimits() {
        #expect { try YAMLReader.parse("a: 123456789", limits: YAMLLimits(maxBytes: 10)) } throws: { error in
            (error as! YAMLError).code == .limitExceeded
        }
        for yaml in ["v: abcdef", "v: 'abcdef'", "v: |\n  abcdef\n", "v: [abcdef]"] {
            #expect { try YAMLReader.parse(yaml, limits: YAMLLimits(maxScalarBytes: 5)) } throws: { error in
                (error as! YAMLError).code == .limitExceeded
            }
        }
    }

    @Test func readsCRLFLineEndingsLikeLF() throws {
        let expected = try YAMLReader.parse(Self.sample).value
        let crlf = Self.sample.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try YAMLReader.parse(crlf).value == expected)
        #expect(try YAMLReader.parse("v: |\r\n  a\r\n  b\r\n").value["v"] == "a\nb\n")
        #expect { try YAMLReader.parse("a: 1\r\na: 2\r\n") } throws: { ($0 as! YAMLError).location == SourceLocation(line: 2, column: 1) }
    }

    @Test func ignoresAByteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try YAMLReader.parse(bom + Array(Self.sample.utf8)).value == YAMLReader.parse(Self.sample).value)
        #expect { try YAMLReader.parse(bom + Array("a: [".utf8)) } throws: { ($0 as! YAMLError).location == SourceLocation(line: 1, column: 4) }
    }

    @Test func locatesNodesByPointer() throws {
        let document = try YAMLReader.parse(Self.sample)
        #expect(document.location(of: .root) == SourceLocation(line: 2, column: 1))
        #expect(document.location(of: JSONPointer("/schema/0/tags/2/c")!) == SourceLocation(line: 6, column: 22))
        #expect(document.location(of: JSONPointer("/schema/0/properties/1")!) == SourceLocation(line: 9, column: 7))
        #expect(document.location(of: JSONPointer("/schema/0/description")!) == SourceLocation(line: 10, column: 16))
        #expect(document.location(of: JSONPointer("/schema/0/missing/deeper")!) == SourceLocation(line: 5, column: 3))
        #expect(document.location(of: JSONPointer("/numbers/4")!) == SourceLocation(line: 17, column: 34))
    }

    @Test func locatesEmptyValuesAndFallsBackToTheRoot() throws {
        let document = try YAMLReader.parse("# header\nfirst:\nsecond: [1]\n")
        #expect(document.location(of: JSONPointer("/first")!) == SourceLocation(line: 2, column: 7))
        #expect(document.location(of: JSONPointer("/third/x")!) == SourceLocation(line: 2, column: 1))
        #expect(try YAMLReader.parse("").location(of: JSONPointer("/a")!) == SourceLocation(line: 1, column: 1))
    }

    @Test func countsColumnsInCharactersNotBytes() {
        #expect { try YAMLReader.parse("é: [\"1\" 2]") } throws: { ($0 as! YAMLError).location == SourceLocation(line: 1, column: 9) }
    }

    /// The sample cut at every byte reads as a value or fails with a positioned error; it never traps.
    @Test func survivesTruncationAtEveryByte() {
        let bytes = Array(Self.sample.utf8)
        for end in 0...bytes.count {
            do {
                _ = try YAMLReader.parse(bytes[..<end])
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }

    /// Random byte mutations of a valid document give a value or an error, never a trap.
    @Test func survivesRandomMutations() {
        let original = Array(Self.sample.utf8)
        var generator = SplitMix64(seed: 0x5EED)
        let interesting = Array(":-[]{},#&*!|>'\"\\\n\t ?%@`".utf8)
        for round in 0..<3_000 {
            var mutated = original
            for _ in 0...(round % 3) {
                let position = Int.random(in: 0..<mutated.count, using: &generator)
                let byte = Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
                switch round % 4 {
                case 0: mutated.insert(byte, at: position)
                case 1: mutated.remove(at: position)
                default: mutated[position] = byte
                }
            }
            do {
                _ = try YAMLReader.parse(mutated)
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }
}

/// A small seeded generator so that a failing mutation round can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
