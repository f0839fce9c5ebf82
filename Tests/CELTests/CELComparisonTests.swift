import CEL
import Testing

@Suite("Equality and ordering across types (CEL langdef \"Equality\", \"Ordering\")")
struct CELComparisonTests {
    @Test("numbers compare by value across int, uint and double", arguments: [
        ("1 == 1.0", true), ("1u == 1", true), ("1u == 1.0", true), ("-1 == 18446744073709551615u", false),
        ("1u < 2", true), ("-1 < 0u", true), ("2.5 > 2", true), ("2 >= 2.0", true), ("3u <= 2.9", false),
        ("9223372036854775807 < 9223372036854775808u", true), ("0.0 == -0.0", true), ("1 != 1.0", false),
        ("[1, 2u] == [1.0, 2.0]", true), ("{1: 'a'} == {1u: 'a'}", true), ("2u in [1, 2]", true), ("2.0 in {2: 'x'}", true),
    ])
    func crossTypeNumbers(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }

    @Test("values of different non-numeric types are never equal", arguments: [
        "1 == '1'", "'true' == true", "null == 0", "[] == {}", "b'a' == 'a'", "int == 'int'", "[1] == [1, 2]",
    ])
    func differentTypesUnequal(_ source: String) throws {
        #expect(try evaluate(source) == .bool(false))
        #expect(try evaluate(source.replacingOccurrences(of: "==", with: "!=")) == .bool(true))
    }

    @Test("ordering between unrelated types has no overload", arguments: [
        "1 < '1'", "'a' < b'a'", "null < null", "[1] < [2]", "true < 1", "{} > {}", "int < string",
    ])
    func orderingWithoutOverload(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .noSuchOverload)
    }

    @Test("strings compare by code point, not by Unicode normalization or locale", arguments: [
        ("'Z' < 'a'", true), ("'a' < 'é'", true), ("'é' == 'e\\u0301'", false), ("'ab' < 'abc'", true),
        ("'\\U0001F600' > '\\uFFFF'", true), ("b'\\xff' > b'\\x00\\x01'", true),
    ])
    func stringOrdering(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }

    @Test("NaN is unequal to everything and unordered")
    func notANumber() throws {
        for source in ["0.0/0.0 == 0.0/0.0", "0.0/0.0 < 1.0", "0.0/0.0 >= 1", "1u > 0.0/0.0"] {
            #expect(try evaluate(source) == .bool(false), "\(source)")
        }
        #expect(try evaluate("0.0/0.0 != 0.0/0.0") == .bool(true))
    }

    @Test("in tests list membership by CEL equality and map keys by presence", arguments: [
        ("'a' in {'a': 1}", true), ("'b' in {'a': 1}", false), ("1 in {'1': 1}", false), ("1u in {1: 'x'}", true),
        ("[1] in [[1.0], [2]]", true), ("null in [null]", true), ("'a' in []", false), ("true in {true: 1}", true),
    ])
    func membership(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }

    @Test("in needs a list or map on the right")
    func membershipOverload() throws {
        #expect(try evaluate("'a' in 'abc'").error?.code == .noSuchOverload)
    }

    @Test("type values compare by type", arguments: [
        ("type(1) == int", true), ("type(1u) == uint", true), ("type('a') == string", true), ("type(null) == null_type", true),
        ("type([]) == list", true), ("type({}) == map", true), ("type(int) == type", true), ("type(1) == double", false),
        ("type(timestamp(0)) == google.protobuf.Timestamp", true), ("type(duration('1s')) == google.protobuf.Duration", true),
    ])
    func typeValues(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }
}
