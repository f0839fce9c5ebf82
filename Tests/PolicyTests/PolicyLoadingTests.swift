import Policy
import Testing

@Suite struct PolicyLoadingTests {
    @Test func anUnknownKeyIsReportedWhereTheKeyIsWritten() {
        let text = policyText(spec: """
              events: [product.register]
              validations:
                - expression: 'has(product.id)'
                  mesage: The product needs an id.
              validationActions: [Deny]
            """)
        let problems = loadProblems([("Policies/demo.yaml", text)])
        #expect(problems.map(\.description) == [
            "Policies/demo.yaml:10:7: unknown key 'mesage' in a validation; remove it or use one of the allowed keys: expression, message, messageExpression, reason, path",
        ])
        #expect(problems.first?.code == .unknownKey)
    }

    @Test func anUnknownTopLevelKeyIsRefusedToo() {
        let text = policyText(spec: "  events: [audit]\n  validations: [{expression: 'true'}]\n  validationActions: [Audit]") + "\nstatus: {}\n"
        #expect(loadProblems([("p.yaml", text)]).map { "\($0.line):\($0.column) \($0.code)" } == ["10:1 unknownKey"])
    }

    /// The expression `size(prodct.id) > 0` misspells `product` at its column 6, written in each YAML scalar style.
    @Test(arguments: [
        ("    - expression: 'size(prodct.id) > 0'", 9, 25),
        ("    - expression: \"size(prodct.id) > 0\"", 9, 25),
        ("    - expression: size(prodct.id) > 0", 9, 24),
        ("    - expression: 'has(product.id) && ''x'' != \"\" && size(prodct.id) > 0'", 9, 59),
        ("    - expression: \"has(product.id) && \\\"x\\\" != '' && size(prodct.id) > 0\"", 9, 59),
        ("    - expression: >-\n        has(product.id) &&\n        size(prodct.id) > 0", 11, 14),
        ("    - expression: |\n        has(product.id) &&\n          size(prodct.id) > 0", 11, 16),
    ])
    func aBadExpressionIsReportedAtItsCharacterInTheFile(line: String, fileLine: Int, fileColumn: Int) throws {
        let text = policyText(spec: "  events: [product.register]\n  validations:\n\(line)\n  validationActions: [Deny]")
        let problem = try #require(loadProblems([("demo.yaml", text)]).first)
        #expect(problem.code == .celCompile)
        #expect("\(problem.line):\(problem.column)" == "\(fileLine):\(fileColumn)")
        #expect(problem.message.contains("validations.0.expression, expression"))
        #expect(problem.message.contains("prodct"))
    }

    @Test func aSyntaxErrorNamesTheColumnInsideTheExpression() throws {
        let text = policyText(spec: """
              events: [product.register]
              validations:
                - expression: 'product.id == "a" &&'
              validationActions: [Deny]
            """)
        let problem = try #require(loadProblems([("demo.yaml", text)]).first)
        #expect(problem.code == .celCompile)
        #expect(problem.line == 9)
        #expect(problem.message.hasPrefix("validations.0.expression, expression 1:"))
        #expect(problem.column == 19 + Int(problem.message.split(separator: ":")[1].prefix { $0.isNumber })!)
    }

    @Test func aVariableOfAnotherEventIsAnUndeclaredReference() throws {
        let text = policyText(spec: """
              events: [access.request]
              validations:
                - expression: 'change.changeClass != "breaking"'
              validationActions: [Deny]
            """)
        let problem = try #require(loadProblems([("demo.yaml", text)]).first)
        #expect(problem.code == .celCompile)
        #expect("\(problem.line):\(problem.column)" == "9:20")
    }

    @Test func aValidationMustBeBoolean() throws {
        let text = policyText(spec: "  events: [audit]\n  validations:\n    - expression: '\"yes\"'\n  validationActions: [Audit]")
        let problem = try #require(loadProblems([("demo.yaml", text)]).first)
        #expect(problem.message == "validations.0.expression evaluates to string; it must evaluate to bool")
    }

    @Test func anUndeclaredPolicyVariableIsReportedAtItsName() throws {
        let text = policyText(spec: """
              events: [access.request]
              variables:
                - name: purpose
                  expression: 'request.purpose'
              validations:
                - expression: 'size(variables.purpse) >= 20'
              validationActions: [Deny]
            """)
        let problem = try #require(loadProblems([("demo.yaml", text)]).first)
        #expect(problem.code == .unknownVariable)
        #expect("\(problem.line):\(problem.column)" == "12:35")
        #expect(problem.message.contains("declared: purpose"))
    }

    @Test func aVariableMayReadOnlyEarlierVariables() throws {
        let text = policyText(spec: """
              events: [audit]
              variables:
                - name: first
                  expression: 'variables.second + 1'
                - name: second
                  expression: '1'
              validations:
                - expression: 'variables.first > 1'
              validationActions: [Audit]
            """)
        let problem = try #require(loadProblems([("demo.yaml", text)]).first)
        #expect(problem.code == .unknownVariable)
        #expect("\(problem.line):\(problem.column)" == "10:30")
    }

    @Test func denyAndWarnTogetherAreRefused() {
        let text = policyText(spec: "  events: [audit]\n  validations: [{expression: 'true'}]\n  validationActions: [Deny, Warn]")
        let problems = loadProblems([("demo.yaml", text)])
        #expect(problems.map { "\($0.line):\($0.column) \($0.code)" } == ["9:29 conflictingActions"])
    }

    @Test func anUnknownEventIsRefusedWithTheAcceptedOnes() {
        let text = policyText(spec: "  events: [product.register, product.delete]\n  validations: [{expression: 'true'}]\n  validationActions: [Deny]")
        let problems = loadProblems([("demo.yaml", text)])
        #expect(problems.map { "\($0.line):\($0.column) \($0.code)" } == ["7:30 unknownEvent"])
        #expect(problems.first?.message.contains("product.register, product.update, contract.publish") == true)
    }

    @Test func everyProblemInAFileIsReported() {
        let text = """
            apiVersion: meshreg/v2
            kind: Policy
            metadata:
              name: Bad_Name
            spec:
              events: []
              validations: [{expression: 'true'}]
              validationActions: [Deny]
              failurePolicy: Sometimes
            """
        let codes = loadProblems([("demo.yaml", text)]).map { "\($0.line):\($0.column) \($0.code)" }
        #expect(codes == ["1:13 invalidValue", "3:1 missingKey", "4:9 invalidValue", "6:11 invalidValue", "9:18 invalidValue"])
    }

    @Test func aDuplicatePolicyNameIsRefusedNamingTheFirstFile() throws {
        let text = policyText(spec: "  events: [audit]\n  validations: [{expression: 'true'}]\n  validationActions: [Audit]")
        let problems = loadProblems([("a.yaml", text), ("b.yaml", text)])
        #expect(problems.map(\.description) == [
            "b.yaml:4:9: policy 'demo' is already defined in a.yaml:4:9; rename one or delete the copy",
        ])
    }

    @Test func oneBadFileRefusesTheWholeSetAndAllBadFilesAreReported() {
        let good = policyText(name: "good", spec: "  events: [audit]\n  validations: [{expression: 'true'}]\n  validationActions: [Audit]")
        let bad = policyText(name: "bad", spec: "  events: [audit]\n  validations: [{expression: 'true &&'}]\n  validationActions: [Audit]")
        let notYAML = "apiVersion: [unclosed\n"
        #expect(throws: PolicySetError.self) { try loadPolicies([("good.yaml", good), ("bad.yaml", bad)]) }
        let problems = loadProblems([("good.yaml", good), ("bad.yaml", bad), ("broken.yaml", notYAML)])
        #expect(problems.map(\.file) == ["bad.yaml", "broken.yaml"])
        #expect(problems.map(\.code) == [.celCompile, .yamlSyntax])
    }

    @Test func aTruncatedPolicyNeverCrashesAndEveryProblemPointsIntoTheFile() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Policies/contract-deprecation-sunset.yaml"), encoding: .utf8)
        let bytes = Array(text.utf8)
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for length in stride(from: 0, through: bytes.count, by: 3) {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            for problem in loadProblems([("cut.yaml", prefix)]) {
                #expect((1...lineCount).contains(problem.line) && problem.column >= 1, "\(length): \(problem)")
            }
        }
        #expect(loadProblems([("whole.yaml", text)]).isEmpty)
    }

    @Test func randomlyMutatedPoliciesAreRefusedWithPositionsOrLoad() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Policies/derived-classification.yaml"), encoding: .utf8)
        let original = Array(text.utf8)
        let replacements = Array("'\"[]{}:-# ,.()!&|?\\\nabz019_".utf8)
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let index = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[index] = replacements[Int(random.next() % UInt64(replacements.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(replacements[Int(random.next() % UInt64(replacements.count))], at: index)
                }
            }
            let mutated = String(decoding: bytes, as: UTF8.self)
            let lineCount = mutated.split(separator: "\n", omittingEmptySubsequences: false).count
            for problem in loadProblems([("m.yaml", mutated)]) {
                #expect((1...lineCount).contains(problem.line) && problem.column >= 1, "\(problem)")
            }
        }
    }
}

/// A small deterministic generator, so a failing mutation can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
