import CEL
import Testing

@Suite("Arithmetic: int64/uint64 overflow, division by zero, IEEE doubles (CEL langdef \"Overflow\")")
struct CELArithmeticTests {
    @Test("results at the edge of the int and uint ranges are exact", arguments: [
        ("9223372036854775806 + 1", CELValue.int(.max)),
        ("-9223372036854775807 - 1", .int(.min)),
        ("-9223372036854775808", .int(.min)),
        ("-4611686018427387904 * 2", .int(.min)),
        ("-9223372036854775808 / 1", .int(.min)),
        ("18446744073709551614u + 1u", .uint(.max)),
        ("18446744073709551615u - 18446744073709551615u", .uint(0)),
        ("0xFFFFFFFFFFFFFFFFu", .uint(.max)),
        ("-7 / 2", .int(-3)),
        ("-7 % 2", .int(-1)),
        ("7u % 4u", .uint(3)),
        ("0.1 + 0.2", .double(0.30000000000000004)),
    ])
    func exactAtBounds(_ source: String, _ expected: CELValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test("overflow is an error value, not a trap", arguments: [
        "9223372036854775807 + 1", "-9223372036854775808 - 1", "-(-9223372036854775808)",
        "-9223372036854775808 / -1", "-9223372036854775808 % -1", "4611686018427387904 * 2",
        "-4611686018427387905 * 2", "18446744073709551615u + 1u", "0u - 1u", "9223372036854775808u * 2u",
    ])
    func overflow(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .overflow)
    }

    @Test("division and modulus by zero are errors for int and uint", arguments: [
        ("1 / 0", CELError.Code.divideByZero), ("1u / 0u", .divideByZero), ("1 % 0", .moduloByZero), ("1u % 0u", .moduloByZero),
    ])
    func divisionByZero(_ source: String, _ code: CELError.Code) throws {
        #expect(try evaluate(source).error?.code == code)
    }

    @Test("doubles follow IEEE 754: infinities and NaN, no errors", arguments: [
        ("1.0 / 0.0", Double.infinity), ("-1.0 / 0.0", -Double.infinity), ("1e308 * 10.0", Double.infinity),
    ])
    func ieeeDoubles(_ source: String, _ expected: Double) throws {
        #expect(try evaluate(source) == .double(expected))
    }

    @Test("NaN results from 0.0 / 0.0")
    func notANumber() throws {
        guard case .double(let value) = try evaluate("0.0 / 0.0") else { Issue.record("not a double"); return }
        #expect(value.isNaN)
    }

    @Test("arithmetic never converts between int, uint and double implicitly", arguments: [
        "1 + 1u", "1 + 1.0", "1u * 2.0", "'a' + 1", "2.5 % 1.0", "-(1u)", "[1] - [1]",
    ])
    func noImplicitConversion(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .noSuchOverload)
    }

    @Test("string, bytes and list concatenation", arguments: [
        ("'grüß' + 'e'", CELValue.string("grüße")),
        ("b'ab' + b'\\x00'", .bytes([97, 98, 0])),
        ("[1] + ['a']", .list([.int(1), .string("a")])),
    ])
    func concatenation(_ source: String, _ expected: CELValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test("concatenation beyond the size limits is refused")
    func concatenationLimits() throws {
        let limits = CELLimits(maxStringBytes: 8, maxListCount: 3)
        #expect(try evaluate("'abcde' + 'fghij'", limits: limits).error?.code == .limitExceeded)
        #expect(try evaluate("'abcd' + 'efgh'", limits: limits) == .string("abcdefgh"))
        #expect(try evaluate("[1, 2] + [3, 4]", limits: limits).error?.code == .limitExceeded)
        #expect(try evaluate("b'12345' + b'6789'", limits: limits).error?.code == .limitExceeded)
    }
}
