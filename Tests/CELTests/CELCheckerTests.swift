import CEL
import Testing

@Suite("Type checking at load time (CEL langdef \"Gradual Type Checking\")")
struct CELCheckerTests {
    static let declarations = CELDeclarations(variables: [
        "port": .dyn, "grant": .dyn, "request": .map, "tags": .list, "age": .int, "name": .string, "now": .timestamp,
    ])

    @Test("valid programs over dyn and typed variables are accepted", arguments: [
        ("port.public || (grant.approved && (!port.pii || size(grant.purpose) > 0))", CELType.bool),
        ("port.classification in ['pii', 'restricted']", .bool),
        ("has(request.purpose) ? request.purpose : ''", .dyn),
        ("size(name) >= 20 && name.startsWith('a')", .bool),
        ("'Access to ' + name + ' needs a purpose'", .string),
        ("tags.all(t, t.matches('^[a-z]+$')) && tags.exists_one(t, t == 'x')", .bool),
        ("tags.map(t, size(t))", .list),
        ("age + 1", .int), ("age * 2 > 3.5", .bool), ("age == 1u", .bool), ("name == null", .bool),
        ("now - duration('24h') < timestamp(port.created)", .bool),
        ("now.getFullYear() == 2024 && now.getHours('Europe/Paris') < 12", .bool),
        ("int(port.count) + 1", .int), ("type(port) == map", .bool), ("dyn(age) == 'x'", .bool),
        ("port[name].x", .dyn), ("tags[0]", .dyn), ("{name: age}[name]", .dyn),
    ])
    func accepted(_ source: String, _ type: CELType) throws {
        let program = try CELProgram.compile(source, declarations: Self.declarations)
        #expect(program.resultType == type)
    }

    @Test("mistakes are refused with a code and the position of the culprit", arguments: [
        ("prot.public", CELCompileError.Code.undeclaredReference, 1, 1),
        ("port.public || grnat.approved", .undeclaredReference, 1, 16),
        ("port.frobnicate()", .unknownFunction, 1, 5),
        ("size(name, 2)", .wrongArgumentCount, 1, 1),
        ("name.size(1)", .wrongArgumentCount, 1, 5),
        ("contains(name, 'a')", .wrongArgumentCount, 1, 1),
        ("name.startsWith(1)", .typeMismatch, 1, 5),
        ("age + 'years'", .typeMismatch, 1, 5),
        ("age + 1u", .typeMismatch, 1, 5),
        ("!age", .typeMismatch, 1, 1),
        ("-name", .typeMismatch, 1, 1),
        ("name.first", .typeMismatch, 1, 5),
        ("age ? 1 : 2", .typeMismatch, 1, 1),
        ("age && true", .typeMismatch, 1, 5),
        ("age == 'one'", .typeMismatch, 1, 5),
        ("name < 1", .typeMismatch, 1, 6),
        ("1 in age", .typeMismatch, 1, 3),
        ("age[0]", .typeMismatch, 1, 4),
        ("tags['a']", .typeMismatch, 1, 5),
        ("tags.all(t, 1)", .typeMismatch, 1, 13),
        ("age.all(t, true)", .typeMismatch, 1, 4),
        ("{1.5: 'x'}", .typeMismatch, 1, 2),
        ("size(age)", .typeMismatch, 1, 1),
        ("timestamp(true)", .typeMismatch, 1, 1),
        ("tags.exists(t,\n  t.size() > 0 &&\n  missing)", .undeclaredReference, 3, 3),
    ])
    func refused(_ source: String, _ code: CELCompileError.Code, _ line: Int, _ column: Int) {
        let error = compileError(source, declarations: Self.declarations)
        #expect(error?.code == code, "\(String(describing: error))")
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("the undeclared-name message lists what is declared")
    func undeclaredMessage() {
        let error = compileError("prot", declarations: CELDeclarations(variables: ["port": .dyn, "actor": .map]))
        #expect(error?.message == "undeclared reference to 'prot'; declared variables: actor, port")
    }

    @Test("without declarations nothing is checked and mistakes become error values")
    func dynamicSkipsChecking() throws {
        #expect(compileError("prot.public || frob(1)") == nil)
        #expect(try evaluate("prot.public").error?.code == .undeclaredReference)
        #expect(try evaluate("frob(1)").error?.code == .noSuchOverload)
        #expect(try evaluate("age + 'x'", ["age": .int(1)]).error?.code == .noSuchOverload)
    }

    @Test("a checked program evaluates like an unchecked one")
    func checkedEvaluation() throws {
        let program = try CELProgram.compile("tags.filter(t, t != name).size() == age", declarations: Self.declarations)
        let activation = CELActivation(variables: ["tags": .list([.string("a"), .string("b")]), "name": .string("a"), "age": .int(1)])
        #expect(program.evaluate(activation) == .bool(true))
    }
}
