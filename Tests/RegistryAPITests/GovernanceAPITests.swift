import Foundation
import HTTPProtocol
import JSON
import Policy
import Registry
import RegistryAPI
import Testing

/// Policies enforced on writes, access requests and grants, and the audit endpoints, over the API
/// with the shipped policies.
@Suite struct GovernanceAPITests {
    static func fixture() throws -> APIFixture {
        let directory = APIFixture.repositoryRoot.appendingPathComponent("Policies")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            (path: name, bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name))))
        }
        return try APIFixture(configuration: RegistryConfiguration(policies: try PolicySet.load(files)))
    }

    @Test func piiAccessNeedsAPurposeAndTheOwnersApproval() throws {
        let fixture = try Self.fixture()
        let marketing = try fixture.registry.issueToken(for: .user("sam.lee"), actor: .localAdmin).token
        let customersOwner = try fixture.registry.issueToken(for: .user("alice.nguyen"), actor: .localAdmin).token
        let json = [("Content-Type", "application/json")]

        let vague = fixture.send(.post, "/api/v1/access-requests", token: marketing, headers: json,
                                 body: #"{"product": "customer-profiles", "port": "profiles", "team": "campaign-analytics", "purpose": "stuff"}"#)
        #expect(vague.status.code == 422)
        #expect(vague.json["code"] == "policy-violation")
        #expect(vague.json["violations"]?[0]?["policy"] == "pii-access-needs-purpose")

        let created = fixture.send(.post, "/api/v1/access-requests", token: marketing, headers: json, body: #"""
            {"product": "customer-profiles", "port": "profiles", "team": "campaign-analytics",
             "purpose": "Build consented e-mail audiences for the winter campaign", "expires": "2099-01-31"}
            """#)
        #expect(created.status.code == 201, "\(created.json)")
        #expect(created.json["status"] == "pending")
        let id = try #require(created.json["id"]?.stringValue)

        let byConsumer = fixture.send(.post, "/api/v1/access-requests/\(id)/approve", token: marketing)
        #expect(byConsumer.status.code == 403, "only the owning team approves")
        let approved = fixture.send(.post, "/api/v1/access-requests/\(id)/approve", token: customersOwner,
                                    headers: json, body: #"{"note": "ok for the campaign"}"#)
        #expect(approved.status.code == 200, "\(approved.json)")
        #expect(approved.json["status"] == "approved")
        #expect(approved.json["decidedBy"] == "alice.nguyen")

        let retire = fixture.send(.delete, "/api/v1/products/customer-profiles", token: customersOwner)
        #expect(retire.status.code == 409)
        #expect(retire.json["dependants"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("grant:\(id)") == true } == true)

        let revoked = fixture.send(.post, "/api/v1/access-requests/\(id)/revoke", token: marketing)
        #expect(revoked.json["status"] == "revoked")
        #expect(fixture.send(.post, "/api/v1/access-requests/\(id)/approve", token: customersOwner).status.code == 409)
        let listed = fixture.send(.get, "/api/v1/access-requests?product=customer-profiles", token: marketing).json["items"]?.arrayValue
        #expect(listed?.count == 1)
    }

    @Test func aRequestForADeprecatedPortIsGrantedWithAWarning() throws {
        let fixture = try Self.fixture()
        let owner = try fixture.registry.issueToken(for: .user("julia.rossi"), actor: .localAdmin).token
        let marketing = try fixture.registry.issueToken(for: .user("sam.lee"), actor: .localAdmin).token
        // The shipped legacy feed is deprecated with a deprecated port; opened to everyone here so only that policy speaks.
        let file = APIFixture.repositoryRoot.appendingPathComponent("Domains/catalog/products/product-feed-legacy.odps.yaml")
        let document = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "      - property: classification\n        value: internal", with: "      - property: classification\n        value: public")
        let put = fixture.send(.put, "/api/v1/products/product-feed-legacy", token: owner, headers: [("Content-Type", "application/yaml")], body: document)
        #expect(put.status.code == 200, "\(put.json)")
        let requested = fixture.send(.post, "/api/v1/access-requests", token: marketing, headers: [("Content-Type", "application/json")],
                                     body: #"{"product": "product-feed-legacy", "port": "nightly-feed", "team": "campaign-analytics", "purpose": "Email tool export"}"#)
        #expect(requested.status.code == 201, "\(requested.json)")
        #expect(requested.json["status"] == "approved")
        let warning = requested.json["warnings"]?.arrayValue?.first { $0["policy"] == "deprecated-port-access" }
        let message = try #require(warning?["message"]?.stringValue)
        #expect(message.contains("campaign-analytics asks for the output port nightly-feed of product-feed-legacy, which is deprecated"))
        let listed = fixture.send(.get, "/api/v1/products?status=deprecated", token: marketing).json["items"]?.arrayValue ?? []
        #expect(listed.first { $0["id"] == "product-feed-legacy" }?["deprecatedPorts"] == ["nightly-feed@1.4.0"])
    }

    @Test func internalPortsAreForTheirOwnDomain() throws {
        let fixture = try Self.fixture()
        let marketing = try fixture.registry.issueToken(for: .user("sam.lee"), actor: .localAdmin).token
        let internalPort = try #require(Self.portClassified("internal", fixture))
        let response = fixture.send(.post, "/api/v1/access-requests", token: marketing, headers: [("Content-Type", "application/json")],
                                    body: #"{"product": "\#(internalPort.product)", "port": "\#(internalPort.port)", "team": "campaign-analytics", "purpose": "Planning the next season's campaigns with this data"}"#)
        if internalPort.domain == "marketing" {
            #expect(response.status.code == 201)
        } else {
            #expect(response.status.code == 422)
            #expect(response.json["violations"]?[0]?["policy"] == "internal-ports-same-domain")
        }
    }

    @Test func writesReturnWarningsAndDenialsAreRefusedAndAudited() throws {
        let fixture = try Self.fixture()
        let clickstream = try fixture.registry.issueToken(for: .user("grace.obi"), actor: .localAdmin).token
        let file = try APIFixture.meshFile("clickstream/products/web-sessions.odps.yaml")
        let updated = file.replacingOccurrences(of: "name: Web Sessions", with: "name: Web sessions")
        let warned = fixture.send(.put, "/api/v1/products/web-sessions", token: clickstream,
                                  headers: [("Content-Type", "application/yaml")], body: updated)
        #expect(warned.status.code == 200, "\(warned.json)")
        #expect(warned.json["warnings"]?.arrayValue?.contains { $0["policy"] == "product-purpose-and-support" } == true)

        let audit = fixture.send(.get, "/api/v1/audit?policy=product-purpose-and-support", token: fixture.adminToken).json["items"]?.arrayValue ?? []
        #expect(audit.contains { $0["target"] == "web-sessions" && $0["outcome"] == "warned" })
        #expect(fixture.send(.get, "/api/v1/audit/verify", token: fixture.adminToken).json["intact"] == true)
    }

    @Test func violationsScanFindsTheDeliberateOnes() throws {
        let fixture = try Self.fixture()
        let scan = fixture.send(.get, "/api/v1/audit/violations", token: fixture.adminToken).json
        let policies = Set((scan["items"]?.arrayValue ?? []).flatMap { $0["violations"]?.arrayValue ?? [] }.compactMap { $0["policy"]?.stringValue })
        #expect(policies == ["product-id-kebab-case", "derived-classification", "product-deprecation-sunset", "product-purpose-and-support",
                             "contract-deprecation-sunset", "contract-pii-classification", "contract-compatibility-mode"])
        let listed = fixture.send(.get, "/api/v1/policies", token: fixture.adminToken).json["items"]?.arrayValue ?? []
        #expect(listed.count >= 12)
    }

    @Test func subjectRegistrationsAreDecidedByPolicies() throws {
        let fixture = try Self.fixture()
        let schema = #"{"schema": "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}]}"}"#
        let response = fixture.send(.post, "/apis/ccompat/v7/subjects/NotATopicName/versions", token: fixture.adminToken,
                                    headers: [("Content-Type", "application/vnd.schemaregistry.v1+json")], body: schema)
        #expect(response.status.code == 200, "an Audit-only policy records and lets it through")
        let audited = fixture.send(.get, "/api/v1/audit?policy=subject-topic-naming", token: fixture.adminToken).json["items"]?.arrayValue ?? []
        #expect(audited.contains { $0["target"] == "NotATopicName" && $0["action"] == "subject.register" })
    }

    @Test func evaluateDryRunsADecision() throws {
        let fixture = try Self.fixture()
        let body = #"""
            {"event": "access.request", "input": {
              "port": {"name": "profiles", "classification": "pii", "domain": "customers", "team": "customer-data", "product": "customer-profiles"},
              "request": {"purpose": "too short", "team": "campaign-analytics", "domain": "marketing", "username": "sam.lee"},
              "actor": {"username": "sam.lee", "teams": ["campaign-analytics"], "roles": ["owner"], "admin": false},
              "now": "2026-11-25T12:00:00Z"}}
            """#
        let response = fixture.send(.post, "/api/v1/policies/evaluate", token: fixture.adminToken, headers: [("Content-Type", "application/json")], body: body)
        #expect(response.json["outcome"] == "denied")
        #expect(response.json["violations"]?[0]?["policy"] == "pii-access-needs-purpose")
        let bad = fixture.send(.post, "/api/v1/policies/evaluate", token: fixture.adminToken, headers: [("Content-Type", "application/json")],
                               body: #"{"event": "access.request", "input": {"nonsense": 1}}"#)
        #expect(bad.status.code == 422)
    }

    private static func portClassified(_ classification: String, _ fixture: APIFixture) -> (product: String, port: String, domain: String)? {
        for summary in (try? fixture.registry.products(ProductQuery(limit: 1_000)).items) ?? [] {
            guard let document = try? fixture.registry.product(summary.id).document else { continue }
            for port in document["outputPorts"]?.arrayValue ?? [] {
                let value = port["customProperties"]?.arrayValue?.first { $0["property"] == "classification" }?["value"]?.stringValue
                if value == classification, let name = port["name"]?.stringValue { return (summary.id, name, summary.domain) }
            }
        }
        return nil
    }
}
