import CEL
import Testing

@Suite("Macros over lists and maps (CEL langdef \"Macros\")")
struct CELMacroTests {
    @Test("macros over lists and over map keys", arguments: [
        ("[1, 2, 3].all(x, x > 0)", CELValue.bool(true)),
        ("[1, 2, 3].exists(x, x == 2)", .bool(true)),
        ("[1, 2, 3].exists_one(x, x > 1)", .bool(false)),
        ("[].all(x, false)", .bool(true)),
        ("[].exists(x, true)", .bool(false)),
        ("[1, 2, 3].map(x, x * 10)", .list([.int(10), .int(20), .int(30)])),
        ("[1, 2, 3, 4].map(x, x % 2 == 0, x * x)", .list([.int(4), .int(16)])),
        ("[1, 2, 3, 4].filter(x, x > 2)", .list([.int(3), .int(4)])),
        ("{'a': 1, 'b': 2}.all(k, k in ['a', 'b'])", .bool(true)),
        ("{'a': 1, 'b': 2}.exists(k, k == 'b')", .bool(true)),
        ("{'a': 1, 'b': 2}.exists_one(k, k == 'b')", .bool(true)),
        ("{'a': 1, 'b': 2}.map(k, k + '!')", .list([.string("a!"), .string("b!")])),
        ("{'a': 1, 'b': 2}.filter(k, k != 'a')", .list([.string("b")])),
        ("{'a': 1, 'b': 2}.map(k, {'a': 1, 'b': 2}[k])", .list([.int(1), .int(2)])),
        ("[[1, 2], [3]].all(l, l.all(x, x > 0))", .bool(true)),
        ("[1, 2].exists(x, [3].exists(x, x == 3))", .bool(true)),
        ("[1, 2].map(x, [10, 20].map(y, x + y))", .list([.list([.int(11), .int(21)]), .list([.int(12), .int(22)])])),
    ])
    func macros(_ source: String, _ expected: CELValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test("all and exists absorb errors when a decisive element exists, in any order", arguments: [
        ("[0, 1].all(x, 1 / x == 1 && false)", CELValue.bool(false)),
        ("[1, 0].all(x, 1 / x > 5)", .bool(false)),
        ("[0, 1].exists(x, 1 / x == 1)", .bool(true)),
        ("[1, 0].exists(x, 1 / x == 1)", .bool(true)),
    ])
    func absorption(_ source: String, _ expected: CELValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test("errors surface when nothing decides, and from map, filter and exists_one", arguments: [
        ("[0, 1].all(x, 1 / x == 1)", CELError.Code.divideByZero), ("[0, 1].exists(x, 1 / x == 2)", .divideByZero),
        ("[0].map(x, 1 / x)", .divideByZero), ("[0].filter(x, 1 / x == 1)", .divideByZero),
        ("[0, 1].exists_one(x, 1 / x == 1)", .divideByZero), ("[1].all(x, 'yes')", .noSuchOverload), ("1.all(x, true)", .noSuchOverload),
    ])
    func errors(_ source: String, _ code: CELError.Code) throws {
        #expect(try evaluate(source).error?.code == code)
    }

    @Test("the iteration variable is scoped to the macro")
    func scoping() throws {
        #expect(try evaluate("[1].map(x, x) + [x]").error?.code == .undeclaredReference)
        #expect(try evaluate("[1].map(x, x) + [x]", ["x": .int(7)]) == .list([.int(1), .int(7)]))
        #expect(try evaluate("[1, 2].all(x, x > 0) && x == 'outer'", ["x": .string("outer")]) == .bool(true))
    }

    @Test("comprehensions stop at the iteration budget")
    func iterationBudget() throws {
        let limits = CELLimits(maxIterations: 10)
        #expect(try evaluate("[1, 2, 3, 4, 5].all(x, x > 0)", limits: limits) == .bool(true))
        #expect(try evaluate("[1, 2, 3, 4, 5].all(x, [1, 2].all(y, y > 0))", limits: limits).error?.code == .limitExceeded)
        let big = CELValue.list(Array(repeating: .int(1), count: 200_000))
        #expect(try evaluate("xs.exists(x, x == 2)", ["xs": big]).error?.code == .limitExceeded)
    }

    @Test("macro calls that do not fit a macro shape are refused or treated as functions")
    func malformedMacros() throws {
        #expect(compileError("[1].all(1, true)")?.code == .syntax)
        #expect(try evaluate("[1].all(x)").error?.code == .noSuchOverload)
        #expect(compileError("has(x)")?.code == .syntax)
    }

    @Test("has() tests map keys without failing on absent ones")
    func has() throws {
        let request = CELValue.map(try CELMap(entries: [(key: .string("purpose"), value: .string("audit"))]))
        #expect(try evaluate("has(request.purpose)", ["request": request]) == .bool(true))
        #expect(try evaluate("has(request.reason)", ["request": request]) == .bool(false))
        #expect(try evaluate("has(request.reason) ? request.reason : 'none'", ["request": request]) == .string("none"))
        #expect(try evaluate("has(request.purpose.length)", ["request": request]).error?.code == .noSuchField)
    }
}
