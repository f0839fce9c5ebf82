import CEL
import Testing

@Suite("String functions count code points and handle non-ASCII text")
struct CELStringTests {
    @Test("size counts code points for strings, bytes for bytes, entries for lists and maps", arguments: [
        ("size('héllo')", 5), ("'héllo'.size()", 5), ("size('😀')", 1), ("size('e\\u0301')", 2), ("size(b'h\\xc3\\xa9')", 3),
        ("size(bytes('é'))", 2), ("size([1, [2, 3]])", 2), ("{'a': 1}.size()", 1), ("size('')", 0),
    ])
    func size(_ source: String, _ expected: Int64) throws {
        #expect(try evaluate(source) == .int(expected))
    }

    @Test("contains, startsWith and endsWith compare code points", arguments: [
        ("'Grüße'.contains('üß')", true), ("'Grüße'.contains('ss')", false), ("'e\\u0301'.contains('e')", true),
        ("'日本語テキスト'.startsWith('日本')", true), ("'日本語'.endsWith('本語')", true), ("'abc'.endsWith('')", true),
        ("'😀😁'.startsWith('😁')", false), ("'ab'.contains('abc')", false), ("''.contains('')", true),
    ])
    func substrings(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }

    @Test("lowerAscii and upperAscii change only ASCII letters", arguments: [
        ("'ÀbC-Ü1'.lowerAscii()", "Àbc-Ü1"), ("'àBc-ü1'.upperAscii()", "àBC-ü1"), ("''.upperAscii()", ""),
    ])
    func asciiCase(_ source: String, _ expected: String) throws {
        #expect(try evaluate(source) == .string(expected))
    }

    @Test("string functions refuse other types", arguments: [
        "'a'.contains(1)", "1.startsWith('1')", "size(1)", "[1].endsWith('a')", "'a'.lowerAscii(1)",
    ])
    func wrongTypes(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .noSuchOverload)
    }

    @Test("matches finds RE2 patterns anywhere in the text", arguments: [
        ("'hubba'.matches('ubb')", true), ("'hubba'.matches('^ubb')", false), ("'abc'.matches('^a.c$')", true),
        ("'team-42'.matches('^[a-z]+-[0-9]{2}$')", true), ("'team-4'.matches('^[a-z]+-\\\\d{2}$')", false),
        ("'foo.bar'.matches('o\\\\.b')", true), ("'fooxbar'.matches('o\\\\.b')", false), ("'cat'.matches('dog|cat')", true),
        ("'mañana'.matches('^ma[ñn]ana$')", true), ("'日本'.matches('^.{2}$')", true), ("'aaa'.matches('^a{2,3}$')", true),
        ("'aaaa'.matches('^a{2,3}$')", false), ("'ab'.matches('^(?:a|b)+$')", true), ("'a b'.matches('\\\\s')", true),
        ("'x_1'.matches('^\\\\w+$')", true), ("'x-1'.matches('^\\\\w+$')", false), ("'abc'.matches('[^abc]')", false),
        ("'line1\\nline2'.matches('1.l')", false), ("matches('abc', 'b')", true), ("''.matches('a*')", true),
    ])
    func matches(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }

    @Test("pathological patterns run in linear time")
    func linearTime() throws {
        let text = String(repeating: "a", count: 5_000) + "!"
        let nested = try CELProgram.compile("text.matches('^(a+)+$')")
        let alternating = try CELProgram.compile("text.matches('(a|aa)*b')")
        let activation = CELActivation(variables: ["text": .string(text)])
        var results: [CELValue] = []
        let elapsed = ContinuousClock().measure {
            results = [nested.evaluate(activation), alternating.evaluate(activation)]
        }
        #expect(results == [.bool(false), .bool(false)])
        #expect(elapsed < .seconds(2))
    }

    @Test("a malformed literal pattern is a compile error; a malformed dynamic one an error value")
    func malformedPatterns() throws {
        let error = compileError("name.matches('a(b')")
        #expect(error?.code == .invalidRegex)
        #expect(error?.column == 14)
        #expect(compileError("name.matches('[[:alpha:]]')")?.code == .invalidRegex)
        #expect(compileError("name.matches('a{5000}')")?.code == .invalidRegex)
        #expect(try evaluate("'a'.matches(pattern)", ["pattern": .string("*")]).error?.code == .invalidArgument)
    }
}
