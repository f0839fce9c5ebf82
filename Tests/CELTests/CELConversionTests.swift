import CEL
import Testing

@Suite("Type conversions (CEL langdef \"Type Conversions\")")
struct CELConversionTests {
    @Test("conversions that succeed", arguments: [
        ("int('-12')", CELValue.int(-12)), ("int(-9223372036854775808.0)", .int(.min)), ("int(2.9)", .int(2)),
        ("int(-2.9)", .int(-2)), ("uint('42')", .uint(42)), ("uint(0.9)", .uint(0)), ("double('1e3')", .double(1000)),
        ("double(18446744073709551615u)", .double(18446744073709551616)), ("string(true)", .string("true")),
        ("string(-5)", .string("-5")), ("string(b'caf\\xc3\\xa9')", .string("café")), ("bytes('é')", .bytes([0xC3, 0xA9])),
        ("bool('True')", .bool(true)), ("bool('0')", .bool(false)), ("string(int)", .string("int")), ("dyn([1])", .list([.int(1)])),
    ])
    func succeed(_ source: String, _ expected: CELValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test("out-of-range conversions are range errors", arguments: [
        "int(9223372036854775808.0)", "int(1.0/0.0)", "int(0.0/0.0)", "int(18446744073709551615u)",
        "uint(-1)", "uint(-1.0)", "uint(18446744073709551616.0)",
    ])
    func rangeErrors(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .range)
    }

    @Test("malformed input is a conversion error", arguments: [
        "int('1.5')", "int('')", "uint('-1')", "double('one')", "string(b'\\xff')", "bool('yes')",
        "timestamp('yesterday')", "duration('soon')",
    ])
    func conversionErrors(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .conversion)
    }

    @Test("conversions from unsupported types have no overload", arguments: [
        "int([1])", "uint(true)", "double(null)", "bytes(1)", "bool(1)", "string([])", "timestamp(1.5)", "duration(1)",
    ])
    func unsupported(_ source: String) throws {
        #expect(try evaluate(source).error?.code == .noSuchOverload)
    }
}
