import Testing
import YAML

/// Every refusal names the kind of problem, the exact line:column and what to do instead.
@Suite struct YAMLRefusalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var code: YAMLError.Code
        var fragment: String
        var testDescription: String { "\(code.rawValue) at \(line):\(column): \(fragment)" }

        init(_ yaml: String, _ line: Int, _ column: Int, _ code: YAMLError.Code, _ fragment: String) {
            self.yaml = yaml
            self.line = line
            self.column = column
            self.code = code
            self.fragment = fragment
        }
    }

    static let cases: [Case] = [
        Case("a: !!str 1\n", 1, 4, .unsupported, "tags"),
        Case("a: !Ref other\n", 1, 4, .unsupported, "tags"),
        Case("- [!!int 1]\n", 1, 4, .unsupported, "tags"),
        Case("%YAML 1.2\n---\na: 1\n", 1, 1, .unsupported, "directives"),
        Case("a: 1\n---\nb: 2\n", 2, 1, .unsupported, "several documents"),
        Case("a: 1\n...\n---\nb: 2\n", 3, 1, .unsupported, "several documents"),
        Case("a: 1\n...\nb: 2\n", 3, 1, .unsupported, "several documents"),
        Case("? complex\n: value\n", 1, 1, .unsupported, "complex mapping keys"),
        Case("a: 1\n? b\n", 2, 1, .unsupported, "complex mapping keys"),
        Case("{? a: 1}\n", 1, 2, .unsupported, "complex mapping keys"),
        Case("[a, b]: c\n", 1, 7, .unsupported, "as a mapping key"),
        Case("m: {[a]: 1}\n", 1, 5, .unsupported, "as a mapping key"),
        Case("base: &b {a: 1}\nm:\n  <<: *b\n", 3, 3, .unsupported, "merge keys"),
        Case("m: {<<: x}\n", 1, 5, .unsupported, "merge keys"),
        Case("a:\n\tb: 1\n", 2, 1, .tabIndentation, "tab"),
        Case("a:\n  b: 1\n  \tc: 2\n", 3, 3, .tabIndentation, "tab"),
        Case("a: 1\nb: 2\na: 3\n", 3, 1, .duplicateKey, "duplicate key \"a\""),
        Case("- x: 1\n  y: 2\n  x: 3\n", 3, 3, .duplicateKey, "duplicate key \"x\""),
        Case("m: {a: 1, a: 2}\n", 1, 11, .duplicateKey, "duplicate key \"a\""),
        Case("1: a\n\"1\": b\n", 2, 1, .duplicateKey, "duplicate key \"1\""),
        Case("a: *missing\n", 1, 4, .undefinedAlias, "*missing"),
        Case("&a k: v\n", 1, 1, .unsupported, "anchor before a key"),
        Case("a: &x 1\n*x : v\n", 2, 1, .unsupported, "alias as a mapping key"),
        Case("a: b: c\n", 1, 4, .syntax, "mapping cannot start on the same line"),
        Case("a: - b\n", 1, 4, .syntax, "sequence cannot start on the same line"),
        Case("a: first\n  b: second\n", 2, 4, .syntax, "': ' inside a multi-line value"),
        Case("a: \"x\"\n  b: 1\n", 2, 3, .syntax, "indented more than the keys"),
        Case("- a\n- b\n  - c: 1\n  d: 2\n", 3, 6, .syntax, "': ' inside a multi-line value"),
        Case("- [a]\n  - b\n", 2, 3, .syntax, "indented more than the '- ' entries"),
        Case("- a\nb: 1\n", 2, 1, .syntax, "after the top-level node"),
        Case("key value\nother: 1\n", 2, 6, .syntax, "': ' inside a multi-line value"),
        Case("a: 1\nplain\n", 2, 6, .syntax, "expected ':' after the key \"plain\""),
        Case("a: \"unterminated\n", 1, 4, .syntax, "never closed"),
        Case("a: 'open\n---\n", 2, 1, .syntax, "document marker inside a quoted value"),
        Case("a: \"bad \\q escape\"\n", 1, 9, .syntax, "unknown escape"),
        Case("a: \"\\x4\"\n", 1, 5, .syntax, "2 hexadecimal digits"),
        Case("a: \"\\ud800\"\n", 1, 5, .syntax, "not a Unicode scalar value"),
        Case("a: \"x\" y\n", 1, 8, .syntax, "unexpected 'y' after the value"),
        Case("a: [1, 2\nb: 3\n", 1, 4, .syntax, "never closed"),
        Case("a: [\"x\" y]\n", 1, 9, .syntax, "expected ',' or ']'"),
        Case("a: [1, , 2]\n", 1, 8, .syntax, "expected a value before ','"),
        Case("a: {b: \"1\" c}\n", 1, 12, .syntax, "expected ',' or '}'"),
        Case("a: {\"k\" v}\n", 1, 9, .syntax, "expected ':', ',' or '}'"),
        Case("a: [- b]\n", 1, 5, .syntax, "block node"),
        Case("a: |0\n  x\n", 1, 5, .syntax, "block scalar header"),
        Case("a: |x\n", 1, 5, .syntax, "block scalar header"),
        Case("a: @at\n", 1, 4, .syntax, "cannot start with '@'"),
        Case("a: `tick`\n", 1, 4, .syntax, "cannot start with '`'"),
        Case("a: &x &y 1\n", 1, 7, .syntax, "only one anchor"),
        Case("a: &\n", 1, 4, .syntax, "must be followed by a name"),
        Case(": value\n", 1, 1, .syntax, "expected a mapping key"),
        Case("a:\n  - x\n  y: 1\n", 3, 3, .syntax, "indented more than the keys"),
        Case("a: 1\n\u{1}b: 2\n", 2, 1, .invalidEncoding, "control character U+0001"),
    ]

    @Test(arguments: cases)
    func refusesWithPosition(_ refusal: Case) {
        #expect {
            try YAMLReader.parse(refusal.yaml)
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            let matches = error.line == refusal.line && error.column == refusal.column && error.code == refusal.code
                && error.message.contains(refusal.fragment)
            if !matches { Issue.record("got \(error.code.rawValue) \(error)") }
            return matches
        }
    }

    @Test func refusesInvalidUTF8WithPosition() {
        let bytes: [UInt8] = Array("a: ok\nb: ".utf8) + [0xC3, 0x28]
        #expect {
            try YAMLReader.parse(bytes)
        } throws: { error in
            let error = error as! YAMLError
            return error.code == .invalidEncoding && error.location == SourceLocation(line: 2, column: 4)
        }
    }

    @Test func describesErrorAsLineColonColumnMessage() {
        let error = YAMLError(code: .syntax, line: 12, column: 5, message: "boom")
        #expect(error.description == "12:5: boom")
        #expect(SourceLocation(line: 3, column: 7).description == "3:7")
    }
}
