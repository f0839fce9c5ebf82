import Policy
import Testing

@Suite struct PolicyTestRunnerTests {
    private let policies = policyText(name: "needs-id", spec: "  events: [product.register]\n  validations: [{expression: 'has(product.id)'}]\n  validationActions: [Deny]")

    @Test func aCaseWhoseExpectationIsNotMetFailsWithTheViolations() throws {
        let set = try loadPolicies([("needs-id.yaml", policies)])
        let fixture = """
            policy: needs-id
            cases:
              - name: with an id
                event: product.register
                input: { product: { id: orders } }
                expect: allowed
              - name: wrongly expected to pass
                event: product.register
                input: { product: {} }
                expect: passed
            """
        let results = try PolicyTestRunner.run(set: set, fixtures: [(path: "t.yaml", bytes: Array(fixture.utf8))])
        #expect(results.map(\.passed) == [true, false])
        #expect(results.last?.actual == .violated)
        #expect(results.last?.summary == "t.yaml: needs-id / wrongly expected to pass: expected passed, got violated\n    deny: failed expression: has(product.id)")
    }

    @Test func aMalformedFixtureIsRefusedWithItsPosition() throws {
        let set = try loadPolicies([("needs-id.yaml", policies)])
        let fixture = """
            policy: needs-ids
            cases:
              - name: typo
                event: product.register
                input: { prodcut: {} }
                expect: allowed
              - name: bad expectation
                event: product.register
                input: {}
                expect: fine
            """
        #expect {
            try PolicyTestRunner.run(set: set, fixtures: [(path: "t.yaml", bytes: Array(fixture.utf8))])
        } throws: { error in
            (error as? PolicySetError)?.problems.map { "\($0.line):\($0.column) \($0.code)" } == ["5:14 unknownVariable", "10:13 invalidValue", "1:9 unknownPolicy"]
        }
    }
}
