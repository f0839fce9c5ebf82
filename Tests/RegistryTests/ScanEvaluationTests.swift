import JSON
import Policy
import Testing
@testable import Registry

/// The scan's decisions run on their own thread in batches; findings must still come back
/// complete and in the order documents were read.
@Suite struct ScanEvaluationTests {
    @Test func findingsKeepTheReadOrderAcrossBatches() throws {
        let policy = """
            apiVersion: meshreg/v1
            kind: Policy
            metadata:
              name: even-ids
              description: Flags products whose number is odd.
            spec:
              events: [audit]
              validations:
                - expression: 'product.number % 2 == 0'
                  message: 'odd'
              validationActions: [Deny]
            """
        let policies = try PolicySet.load([(path: "even-ids.yaml", bytes: Array(policy.utf8))])
        let evaluation = ScanEvaluation(policies: policies)
        let count = 1_000  // several batches and a partial one
        for number in 0..<count {
            evaluation.add(.product, "p\(number)", PolicyInput([.product: ["number": .integer(Int64(number))]]))
        }
        let findings = evaluation.findings()
        #expect(findings.map(\.key) == stride(from: 1, to: count, by: 2).map { "p\($0)" })
        #expect(findings.allSatisfy { $0.violations.map(\.policy) == ["even-ids"] })
    }
}
