import CEL
import Testing

@Suite("Logical operators absorb errors commutatively (CEL langdef \"Logical Operators\")")
struct CELLogicTests {
    /// An error-producing operand: division by zero compared to 1.
    static let failing = "(1 / 0 == 1)"

    @Test("a decisive operand wins over an error on either side", arguments: [
        ("false && \(failing)", false), ("\(failing) && false", false),
        ("true || \(failing)", true), ("\(failing) || true", true),
        ("unbound && false", false), ("false && unbound", false),
        ("unbound || true", true), ("true || unbound", true),
        ("'text' && false", false), ("false && 'text'", false),
        ("'text' || true", true), ("true || 'text'", true),
    ])
    func absorption(_ source: String, _ expected: Bool) throws {
        #expect(try evaluate(source) == .bool(expected))
    }

    @Test("without a decisive operand the error surfaces, on either side", arguments: [
        ("true && \(failing)", CELError.Code.divideByZero), ("\(failing) && true", .divideByZero),
        ("false || \(failing)", .divideByZero), ("\(failing) || false", .divideByZero),
        ("\(failing) && \(failing)", .divideByZero), ("'a' && true", .noSuchOverload), ("'a' || false", .noSuchOverload),
    ])
    func errorSurfaces(_ source: String, _ code: CELError.Code) throws {
        #expect(try evaluate(source).error?.code == code)
    }

    @Test("the first error is reported when both sides fail")
    func firstErrorWins() throws {
        #expect(try evaluate("(1 / 0 == 1) && ({}.missing == 1)").error?.code == .divideByZero)
        #expect(try evaluate("({}.missing == 1) || (1 / 0 == 1)").error?.code == .noSuchKey)
    }

    @Test("the conditional evaluates only the chosen branch and needs a bool condition")
    func conditional() throws {
        #expect(try evaluate("true ? 1 : 1 / 0") == .int(1))
        #expect(try evaluate("false ? 1 / 0 : 'no'") == .string("no"))
        #expect(try evaluate("1 ? 'a' : 'b'").error?.code == .noSuchOverload)
        #expect(try evaluate("(1 / 0 == 0) ? 'a' : 'b'").error?.code == .divideByZero)
    }

    @Test("! negates only bools")
    func not() throws {
        #expect(try evaluate("!false") == .bool(true))
        #expect(try evaluate("!!true") == .bool(true))
        #expect(try evaluate("!1").error?.code == .noSuchOverload)
    }
}
