import CEL
import Testing

@Suite("Fuzzing: truncated and mutated expressions never trap")
struct CELFuzzTests {
    static let seeds = [
        "port.public || (grant.approved && (!port.pii || size(grant.purpose) > 0))",
        "has(request.purpose) ? request.purpose : ''",
        "[1, 2u, 3.0, 'a', b'\\xff', null, {'k': [true]}].exists(x, x == 2) && -9223372036854775808 < 0",
        "timestamp('2024-01-02T03:04:05Z') + duration('1h30m') > now && now.getDayOfWeek('Europe/Paris') < 7",
        "names.map(n, n.lowerAscii()).filter(n, n.matches('^[a-z]+(?:-[a-z0-9]{1,3})*$')).size() == 2",
        "r'''raw\\n''' + \"\\u00e9\\U0001F600\\x41\\101\" + '''multi\nline'''",
        "{1: 'a', 2u: 'b', true: 'c', 'k': 'd'}[1] in ['a'] ? int('12') / uint(3) : double('1e3') % 2",
        "names.all(a, names.exists_one(b, a == b)) || names.map(a, b, a + b).size() > 0",
    ]

    static let variables: [String: CELValue] = {
        let port = try! CELMap(entries: [(key: .string("public"), value: .bool(false)), (key: .string("pii"), value: .bool(true))])
        let grant = try! CELMap(entries: [(key: .string("approved"), value: .bool(true)), (key: .string("purpose"), value: .string("audit"))])
        return [
            "port": .map(port), "grant": .map(grant), "request": .map(grant), "now": .timestamp(try! CELTimestamp(seconds: 1_700_000_000)),
            "names": .list([.string("Ann"), .string("bob-1")]),
        ]
    }()

    /// Compiles and, when that succeeds, evaluates; the test is that this returns at all.
    static func exercise(_ source: String) {
        guard let program = try? CELProgram.compile(source) else { return }
        _ = program.evaluate(CELActivation(variables: variables))
        _ = try? CELProgram.compile(source, declarations: CELDeclarations(variables: variables.mapValues { _ in .dyn }))
    }

    @Test("every seed evaluates without error")
    func seedsEvaluate() throws {
        for seed in Self.seeds.prefix(5) {
            let result = try CELProgram.compile(seed).evaluate(CELActivation(variables: Self.variables))
            #expect(!result.isError, "\(seed): \(result)")
        }
    }

    @Test("every prefix of every seed compiles or fails cleanly", arguments: seeds)
    func truncation(_ seed: String) {
        let scalars = Array(seed.unicodeScalars)
        for length in 0...scalars.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[..<length])
            Self.exercise(String(prefix))
        }
    }

    @Test("random mutations compile or fail cleanly")
    func mutations() {
        var generator = SeededGenerator(state: 0xCE1)
        let alphabet = Array("()[]{}.,:?!-+*/%<>=&|'\"\\rbux0123456789eE _aé😀\n".unicodeScalars)
        for _ in 0..<3_000 {
            var scalars = Array(Self.seeds.randomElement(using: &generator)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0...scalars.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where position < scalars.count: scalars.remove(at: position)
                case 1: scalars.insert(alphabet.randomElement(using: &generator)!, at: position)
                case 2 where position < scalars.count:
                    let end = min(scalars.count, position + Int.random(in: 1...8, using: &generator))
                    scalars.insert(contentsOf: scalars[position..<end], at: position)
                default:
                    if position < scalars.count { scalars[position] = alphabet.randomElement(using: &generator)! }
                }
            }
            var mutated = String.UnicodeScalarView()
            mutated.append(contentsOf: scalars)
            Self.exercise(String(mutated))
        }
    }
}
