import Foundation
import JSON
import Policy
import Testing

@Suite struct ShippedPolicyTests {
    @Test func theShippedSetLoadsWithAtLeastTwelvePoliciesNamedAfterTheirFiles() throws {
        let set = try shippedPolicySet()
        #expect(set.policies.count >= 12)
        let fileNames = try repositoryFiles(in: "Policies").map { ($0.path as NSString).lastPathComponent }
        #expect(fileNames == set.policies.map { $0.name + ".yaml" })
        let actions = Set(set.policies.map(\.severity))
        #expect(actions == [.deny, .warn, .audit])
    }

    @Test func everyShippedPolicyHasAPassingAndAFailingFixture() throws {
        let set = try shippedPolicySet()
        let results = try PolicyTestRunner.run(set: set, fixtures: repositoryFiles(in: "Policies/tests"))
        for result in results where !result.passed { Issue.record("\(result.summary)") }
        let passing: Set<PolicyTestCase.Expectation> = [.allowed, .passed]
        let failing: Set<PolicyTestCase.Expectation> = [.warned, .denied, .violated]
        for policy in set.policies {
            let cases = results.filter { $0.testCase.policy == policy.name }
            #expect(cases.contains { passing.contains($0.testCase.expectation) }, "\(policy.name) has no passing case")
            #expect(cases.contains { failing.contains($0.testCase.expectation) }, "\(policy.name) has no failing case")
        }
    }

    @Test func auditOfTheRetailMeshFindsExactlyTheDeliberateViolations() throws {
        let set = try shippedPolicySet()
        let mesh = try RetailMesh.load()
        var found: Set<String> = []
        for (file, input) in mesh.auditInputs(now: "2025-11-25T08:00:00Z") {
            let decision = set.evaluate(event: .audit, input: input)
            for result in decision.results {
                #expect(result.ignoredErrors.isEmpty, "\(file): \(result.name) ignored \(result.ignoredErrors)")
                for violation in result.violations {
                    found.insert("\(file) \(violation.policy)")
                    #expect(!violation.message.contains("could not be evaluated"), "\(file): \(violation.message)")
                }
            }
        }
        // Domains/README.md, "Deliberate policy violations", in its order.
        let expected: Set<String> = [
            "clickstream/products/web-sessions.odps.yaml product-purpose-and-support",
            "customers/contracts/customers.profiles.odcs.yaml contract-pii-classification",
            "recommendations/contracts/recommendations.product-similarity.odcs.yaml contract-compatibility-mode",
            "catalog/products/product-feed-legacy.odps.yaml product-deprecation-sunset",
            "catalog/contracts/catalog.product-feed.odcs.yaml contract-deprecation-sunset",
            "marketing/products/ChurnRiskScores.odps.yaml product-id-kebab-case",
            "marketing/products/campaign-audiences.odps.yaml derived-classification",
        ]
        #expect(found == expected)
    }

    @Test func theAuditViolationsSayWhatToFix() throws {
        let set = try shippedPolicySet()
        let mesh = try RetailMesh.load()
        let inputs = Dictionary(uniqueKeysWithValues: mesh.auditInputs(now: "2025-11-25T08:00:00Z").map { ($0.file, $0.input) })
        let profiles = try #require(inputs["customers/contracts/customers.profiles.odcs.yaml"])
        let message = set.evaluate(event: .audit, input: profiles).violations.map(\.message)
        #expect(message == ["Contract customers.profiles holds PII, so every property needs a classification; customer_profiles.phone_number has none. Add classification: pii, restricted, internal or public."])
        let audiences = try #require(inputs["marketing/products/campaign-audiences.odps.yaml"])
        let violation = try #require(set.evaluate(event: .audit, input: audiences).violations.first)
        #expect(violation.message.hasPrefix("Output port audiences of campaign-audiences is classified internal"))
        #expect(violation.path?.description == "/outputPorts")
        #expect(violation.severity == .warn)
    }
}
