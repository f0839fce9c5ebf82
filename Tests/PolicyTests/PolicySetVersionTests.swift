import Policy
import Testing

@Suite struct PolicySetVersionTests {
    private let first = policyText(name: "first", spec: """
          events: [product.register]
          validations:
            - expression: 'has(product.id)'
              message: The product needs an id.
          validationActions: [Deny]
        """)
    private let second = policyText(name: "second", spec: "  events: [audit]\n  validations: [{expression: 'true'}]\n  validationActions: [Audit]")

    @Test func theSameContentGivesTheSameVersionWhateverTheFileOrderOrFormatting() throws {
        let version = try loadPolicies([("a.yaml", first), ("b.yaml", second)]).version
        #expect(try loadPolicies([("b.yaml", second), ("a.yaml", first)]).version == version)
        let reformatted = "# A comment.\n" + second.replacingOccurrences(of: "[{expression: 'true'}]", with: "\n    - expression: \"true\"")
        #expect(try loadPolicies([("x.yaml", first), ("y.yaml", reformatted)]).version == version)
        #expect(version.count == 64)
    }

    @Test(arguments: [
        ("The product needs an id.", "The product needs an id!"),
        ("has(product.id)", "has(product.name)"),
        ("[Deny]", "[Deny, Audit]"),
        ("product.register", "product.update"),
    ])
    func anyChangeGivesANewVersionAndANewDigestForThatPolicyOnly(original: String, replacement: String) throws {
        let before = try loadPolicies([("a.yaml", first), ("b.yaml", second)])
        let after = try loadPolicies([("a.yaml", first.replacingOccurrences(of: original, with: replacement)), ("b.yaml", second)])
        #expect(after.version != before.version)
        #expect(after.digest(ofPolicy: "first") != before.digest(ofPolicy: "first"))
        #expect(after.digest(ofPolicy: "second") == before.digest(ofPolicy: "second"))
    }

    @Test func anExplicitDefaultFailurePolicyIsTheSameDocument() throws {
        let explicit = first.replacingOccurrences(of: "  validationActions: [Deny]", with: "  validationActions: [Deny]\n  failurePolicy: Fail")
        #expect(try loadPolicies([("a.yaml", explicit)]).version == loadPolicies([("a.yaml", first)]).version)
    }
}
