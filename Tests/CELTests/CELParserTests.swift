import CEL
import Testing

@Suite("Parsing: literals, compile errors with line:column, nesting limits (CEL langdef \"Syntax\")")
struct CELParserTests {
    @Test("literals in every quoting and number form", arguments: [
        ("'single'", CELValue.string("single")), ("\"double\"", .string("double")),
        ("'''tri\nple'''", .string("tri\nple")), ("\"\"\"say \"hi\" \"\"\"", .string("say \"hi\" ")),
        ("r'\\d+\\n'", .string("\\d+\\n")), ("R\"\\t\"", .string("\\t")),
        ("'\\x41\\u00e9\\U0001F600\\101\\n'", .string("Aé😀A\n")), ("b'\\xff\\377é'", .bytes([255, 255, 0xC3, 0xA9])),
        ("bR'\\x00'", .bytes(Array("\\x00".utf8))), ("0x1F", .int(31)), ("0x1Fu", .uint(31)), ("42U", .uint(42)),
        ("1e3", .double(1000)), (".5", .double(0.5)), ("1.5e-3", .double(0.0015)), ("-0.0", .double(-0.0)),
        ("null", .null), ("[1, 2, ]", .list([.int(1), .int(2)])), ("// comment\n7 // trailing", .int(7)),
    ])
    func literals(_ source: String, _ expected: CELValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test("syntax errors report the line and column of the offending token", arguments: [
        ("1 +", 1, 4, "expected a value"),
        ("'abc", 1, 1, "unterminated literal"),
        ("size(a,,b)", 1, 8, "expected a value"),
        ("a &&\n  (b ||\n   c", 3, 5, "expected ')'"),
        ("x ? 1", 1, 6, "expected ':'"),
        ("9223372036854775808", 1, 1, "exceeds the int maximum"),
        ("18446744073709551616u", 1, 1, "exceeds 64 bits"),
        ("'bad \\q escape'", 1, 6, "unknown escape"),
        ("'\\uD800'", 1, 2, "surrogate"),
        ("a.for + if", 1, 9, "reserved word"),
        ("Message{field: 1}", 1, 1, "message construction"),
        ("1 # 2", 1, 3, "unexpected character '#'"),
        ("'line\nbreak'", 1, 6, "line break"),
        ("'héllo' + @", 1, 11, "unexpected character '@'"),
        ("héllo", 1, 2, "unexpected character 'é'"),
        ("[1, 2", 1, 6, "expected ']'"),
        ("{1: 2", 1, 6, "expected '}'"),
        ("a.()", 1, 3, "field or method name"),
        ("1 2", 1, 3, "end of the expression"),
    ])
    func syntaxErrors(_ source: String, _ line: Int, _ column: Int, _ fragment: String) {
        let error = compileError(source)
        #expect(error?.code == .syntax)
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("\(line):\(column): ") == true)
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow", arguments: [
        String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101),
        String(repeating: "[", count: 150) + String(repeating: "]", count: 150),
        String(repeating: "!", count: 5_000) + "true",
        String(repeating: "-", count: 5_000) + "1",
        Array(repeating: "1", count: 3_000).joined(separator: " + "),
        Array(repeating: "a", count: 3_000).joined(separator: " || "),
        String(repeating: "f(", count: 2_000) + String(repeating: ")", count: 2_000),
        "x" + String(repeating: ".y", count: 3_000),
        String(repeating: "true ? 1 : ", count: 1_500) + "0",
    ])
    func depthLimit(_ source: String) {
        #expect(compileError(source)?.code == .limitExceeded)
    }

    @Test("nesting within the limit compiles and evaluates")
    func depthWithinLimit() throws {
        let parentheses = String(repeating: "(", count: 90) + "1" + String(repeating: ")", count: 90)
        #expect(try evaluate(parentheses) == .int(1))
        let sum = Array(repeating: "1", count: 90).joined(separator: " + ")
        #expect(try evaluate(sum) == .int(90))
        #expect(compileError("(1)", limits: CELLimits(maxNestingDepth: 2)) == nil)
        #expect(compileError("((1))", limits: CELLimits(maxNestingDepth: 2))?.code == .limitExceeded)
    }

    @Test("expressions longer than the source limit are refused")
    func sourceLimit() {
        let long = "'" + String(repeating: "a", count: 16 << 10) + "'"
        #expect(compileError(long)?.code == .limitExceeded)
        #expect(compileError("'abc'", limits: CELLimits(maxSourceBytes: 4))?.code == .limitExceeded)
    }

    @Test("reserved words are allowed as field names and method names")
    func reservedSelectors() throws {
        let map = CELValue.map(try CELMap(entries: [(key: .string("package"), value: .int(1))]))
        #expect(try evaluate("m.package", ["m": map]) == .int(1))
        #expect(try evaluate("m.package()", ["m": map]).error?.code == .noSuchOverload)
    }
}
