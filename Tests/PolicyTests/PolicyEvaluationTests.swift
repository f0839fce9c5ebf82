import JSON
@testable import Policy
import Testing

@Suite struct PolicyEvaluationTests {
    private func set(_ spec: String, name: String = "demo") throws -> PolicySet {
        try loadPolicies([("\(name).yaml", policyText(name: name, spec: spec))])
    }

    private func product(_ yaml: String) throws -> PolicyInput {
        PolicyInput([.product: try json(yaml)])
    }

    @Test func variablesAreComputedOnlyWhenReadAndAtMostOnce() throws {
        let policies = try set("""
              events: [product.register]
              variables:
                - name: broken
                  expression: '1 / 0 == 1'
                - name: id
                  expression: 'product.id'
                - name: shout
                  expression: 'variables.id.upperAscii()'
              validations:
                - expression: 'variables.id.startsWith("web-")'
                  messageExpression: '"bad id " + variables.id'
                - expression: 'variables.shout != "" && size(variables.id) < 40'
              validationActions: [Deny]
            """)
        let decision = policies.evaluate(event: .productRegister, input: try product("id: orders"))
        let result = try #require(decision.results.first)
        #expect(result.evaluatedVariables == ["id", "shout"])
        #expect(result.outcome == .violated)
        #expect(result.violations.map(\.message) == ["bad id orders"])
    }

    @Test func anErrorInAVariableCountsOnlyWhereItIsRead() throws {
        let policies = try set("""
              events: [product.register]
              failurePolicy: Fail
              variables:
                - name: owner
                  expression: 'product.team.members.filter(m, m.role == "owner")[0].username'
              validations:
                - expression: 'has(product.id)'
                - expression: 'variables.owner != ""'
              validationActions: [Deny]
            """)
        let decision = policies.evaluate(event: .productRegister, input: try product("id: orders\nteam: {members: []}"))
        #expect(decision.violations.count == 1)
        #expect(decision.violations.first?.message.hasPrefix("validation 2 could not be evaluated: ") == true)
    }

    @Test(arguments: [(PolicyFailurePolicy.fail, Decision.Outcome.denied, PolicyResult.Outcome.violated),
                      (.ignore, .allowed, .errorIgnored)])
    func failurePolicyDecidesWhatAnEvaluationErrorMeans(failurePolicy: PolicyFailurePolicy, decisionOutcome: Decision.Outcome,
                                                         policyOutcome: PolicyResult.Outcome) throws {
        let policies = try set("""
              events: [product.update]
              failurePolicy: \(failurePolicy.rawValue)
              validations:
                - expression: 'previous.status != "retired"'
                - expression: 'product.version == "1.0.0"'
              validationActions: [Deny]
            """)
        let decision = policies.evaluate(event: .productUpdate, input: try product("id: orders"))
        #expect(decision.outcome == decisionOutcome)
        let result = try #require(decision.results.first)
        #expect(result.outcome == policyOutcome)
        let errors = failurePolicy == .fail ? result.violations.map(\.message) : result.ignoredErrors
        #expect(errors.count == 2)
        #expect(errors.first?.contains("no variable named 'previous' is bound") == true)
        #expect(errors.last?.contains("no such key: 'version'") == true)
    }

    @Test func anErrorInAMatchConditionFollowsTheFailurePolicy() throws {
        let spec = """
              events: [access.request]
              matchConditions:
                - name: pii-port
                  expression: 'port.classification == "pii"'
              validations:
                - expression: 'false'
              validationActions: [Warn]
            """
        let input = PolicyInput([.port: try json("name: profiles")])
        let failing = try set(spec).evaluate(event: .accessRequest, input: input)
        #expect(failing.outcome == .warned)
        #expect(failing.violations.first?.message.hasPrefix("match condition 'pii-port' could not be evaluated: ") == true)
        let ignoring = try set(spec + "\n  failurePolicy: Ignore").evaluate(event: .accessRequest, input: input)
        #expect(ignoring.outcome == .allowed)
        #expect(ignoring.results.first?.outcome == .errorIgnored)
    }

    @Test func aFalseMatchConditionSkipsThePolicy() throws {
        let policies = try set("""
              events: [product.register]
              matchConditions:
                - name: active
                  expression: 'product.status == "active"'
              validations:
                - expression: 'false'
              validationActions: [Deny]
            """)
        let decision = policies.evaluate(event: .productRegister, input: try product("status: draft"))
        #expect(decision.results.map(\.outcome) == [.skipped])
        #expect(decision.outcome == .allowed)
    }

    @Test(arguments: [
        ("'\"Product \" + product.id + \" is not allowed\"'", "Product orders is not allowed"),
        ("'product.missing'", "The static message."),
        ("'\"\"'", "The static message."),
    ])
    func messageExpressionWinsWhenItGivesText(messageExpression: String, expected: String) throws {
        let policies = try set("""
              events: [product.register]
              validations:
                - expression: 'false'
                  message: The static message.
                  messageExpression: \(messageExpression)
                  path: /id
                  reason: Invalid
              validationActions: [Deny]
            """)
        let violation = try #require(policies.evaluate(event: .productRegister, input: try product("id: orders")).violations.first)
        #expect(violation.message == expected)
        #expect(violation.path == JSONPointer("/id"))
        #expect(violation.reason == "Invalid")
    }

    @Test func withoutAMessageTheViolationQuotesTheExpression() throws {
        let policies = try set("  events: [audit]\n  validations: [{expression: 'product.id == \"x\"'}]\n  validationActions: [Audit]")
        let decision = policies.evaluate(event: .audit, input: try product("id: y"))
        #expect(decision.violations.map(\.message) == ["failed expression: product.id == \"x\""])
    }

    @Test func theStrongestViolationDecidesAndAuditOnlyRecords() throws {
        func policy(_ name: String, _ action: String, _ expression: String) -> (String, String) {
            ("\(name).yaml", policyText(name: name, spec: "  events: [product.register]\n  validations: [{expression: '\(expression)'}]\n  validationActions: [\(action)]"))
        }
        let policies = try loadPolicies([
            policy("needs-id", "Deny", "has(product.id)"),
            policy("needs-name", "Warn", "has(product.name)"),
            policy("needs-tags", "Audit", "has(product.tags)"),
        ])
        let cases: [(String, Decision.Outcome, [PolicySeverity])] = [
            ("{id: a, name: A, tags: []}", .allowed, []),
            ("{id: a, name: A}", .allowed, [.audit]),
            ("{id: a}", .warned, [.warn, .audit]),
            ("{name: A, tags: []}", .denied, [.deny]),
        ]
        for (document, outcome, severities) in cases {
            let decision = policies.evaluate(event: .productRegister, input: try product(document))
            #expect(decision.outcome == outcome, "\(document)")
            #expect(decision.violations.map(\.severity) == severities, "\(document)")
        }
    }

    @Test func onlyPoliciesBoundToTheEventAreEvaluated() throws {
        let policies = try set("  events: [access.request]\n  validations: [{expression: 'false'}]\n  validationActions: [Deny]")
        #expect(policies.evaluate(event: .productRegister, input: PolicyInput()).results.isEmpty)
        #expect(policies.evaluate(event: .accessRequest, input: PolicyInput()).outcome == .denied)
    }

    @Test func onAuditAPolicyAboutAnotherKindOfDocumentIsSkipped() throws {
        let policies = try set("  events: [contract.publish, audit]\n  validations: [{expression: 'has(contract.slaProperties)'}]\n  validationActions: [Warn]")
        #expect(policies.evaluate(event: .audit, input: try product("id: orders")).results.map(\.outcome) == [.skipped])
        #expect(policies.evaluate(event: .contractPublish, input: try product("id: orders")).results.map(\.outcome) == [.violated])
        #expect(policies.evaluate(event: .audit, input: PolicyInput([.contract: ["id": "c"]])).outcome == .warned)
    }

    @Test func nowIsATimestamp() throws {
        let policies = try set("""
              events: [audit]
              validations:
                - expression: 'now < timestamp("2026-01-01T00:00:00Z") && now.getFullYear() == 2025'
              validationActions: [Deny]
            """)
        #expect(policies.evaluate(event: .audit, input: PolicyInput([.now: "2025-11-25T08:00:00Z"])).outcome == .allowed)
        #expect(policies.evaluate(event: .audit, input: PolicyInput([.now: "2026-03-01T08:00:00Z"])).outcome == .denied)
        let malformed = policies.evaluate(event: .audit, input: PolicyInput([.now: "yesterday"]))
        #expect(malformed.violations.first?.message.contains("RFC 3339") == true)
    }

    @Test func theDecisionJSONCarriesEventVersionOutcomeAndViolations() throws {
        let policies = try set("""
              events: [product.register]
              validations:
                - expression: 'has(product.support)'
                  message: Add a support channel.
                  path: /support
              validationActions: [Warn]
            """)
        let decision = policies.evaluate(event: .productRegister, input: try product("id: orders"))
        let digest = try #require(policies.digest(ofPolicy: "demo"))
        let expected: JSONValue = [
            "event": "product.register",
            "policySetVersion": .string(policies.version),
            "outcome": "warned",
            "violations": [["policy": "demo", "severity": "warn", "path": "/support", "message": "Add a support channel."]],
            "policies": [["name": "demo", "digest": .string(digest), "outcome": "violated",
                          "violations": [["policy": "demo", "severity": "warn", "path": "/support", "message": "Add a support channel."]]]],
        ]
        #expect(decision.json == expected)
    }

    @Test func anInputWithAnUnknownVariableIsRefused() throws {
        #expect(throws: PolicyInputError(pointer: JSONPointer("/prodcut")!, message: "unknown input variable 'prodcut'; use one of \(PolicyInput.variableNamesList)")) {
            try PolicyInput(json: ["prodcut": ["id": "x"]])
        }
        let input = try PolicyInput(json: ["product": ["id": "x"], "now": "2025-01-01T00:00:00Z"])
        #expect(input.json == ["product": ["id": "x"], "now": "2025-01-01T00:00:00Z"])
    }
}
