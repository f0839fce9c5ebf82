import HTTPProtocol
import JSON
import Registry
import RegistryAPI
import Testing

/// `POST /api/v1/apply`: a bundle applied all or nothing with the caller's token, answered as a plan.
@Suite struct ApplyAPITests {
    static let historyPath = "products/order-history.odps.yaml"

    /// The orders domain's order-history product, renamed.
    static func renamedHistory() throws -> String {
        try APIFixture.meshFile("orders/products/order-history.odps.yaml").replacing("\nname: Order History\n", with: "\nname: Order History (daily)\n")
    }

    static func bundle(_ documents: [(path: String, content: String)]) -> String {
        ApplyBundle(documents: documents).json.encoded()
    }

    @Test func theOwningTeamAppliesAndTheSameBundleAgainWritesNothing() throws {
        let fixture = try APIFixture()
        let body = Self.bundle([(Self.historyPath, try Self.renamedHistory())])
        let applied = fixture.send(.post, "/api/v1/apply", token: fixture.ordersOwnerToken, body: body)
        #expect(applied.status.code == 200, "\(applied.json)")
        #expect(applied.json["applied"] == true)
        #expect(applied.json["documents"]?[0]?["action"] == "change")
        #expect(applied.json["documents"]?[0]?["diff"]?[0]?["pointer"] == "/name")
        #expect(try fixture.registry.product("order-history").revision == 2)
        let audited = try fixture.registry.auditEntries(AuditQuery()).entries.count
        let again = fixture.send(.post, "/api/v1/apply", token: fixture.ordersOwnerToken, body: body)
        #expect(again.json["summary"]?["unchanged"] == 1)
        #expect(try fixture.registry.product("order-history").revision == 2)
        #expect(try fixture.registry.auditEntries(AuditQuery()).entries.count == audited)
    }

    @Test func anotherTeamIsRefusedWithTheProblemAndThePlanAndNothingIsWritten() throws {
        let fixture = try APIFixture()
        let body = Self.bundle([(Self.historyPath, try Self.renamedHistory())])
        let refused = fixture.send(.post, "/api/v1/apply", token: fixture.outsiderToken, body: body)
        #expect(refused.status.code == 403)
        #expect(refused.headers["Content-Type"] == "application/problem+json")
        #expect(refused.json["code"] == "forbidden")
        #expect(refused.json["documents"]?[0]?["action"] == "refuse")
        #expect(refused.json["summary"]?["refuse"] == 1)
        #expect(try fixture.registry.product("order-history").revision == 1)
        let audit = try fixture.registry.auditEntries(AuditQuery(actor: "sam.lee", outcome: "refused")).entries
        #expect(audit.count == 1)
    }

    @Test func aDryRunPlansAndWritesNothing() throws {
        let fixture = try APIFixture()
        let body = Self.bundle([(Self.historyPath, try Self.renamedHistory())])
        let planned = fixture.send(.post, "/api/v1/apply?dryRun=true", token: fixture.ordersOwnerToken, body: body)
        #expect(planned.status.code == 200)
        #expect(planned.json["applied"] == false)
        #expect(planned.json["summary"]?["change"] == 1)
        #expect(try fixture.registry.product("order-history").revision == 1)
        let refusedPlan = fixture.send(.post, "/api/v1/apply?dryRun=true", token: fixture.outsiderToken, body: body)
        #expect(refusedPlan.status.code == 200, "a plan that would be refused is still a plan")
        #expect(refusedPlan.json["summary"]?["refuse"] == 1)
        #expect(fixture.send(.post, "/api/v1/apply?dryRun=yes", token: fixture.ordersOwnerToken, body: body).status.code == 400)
    }

    @Test func everyBrokenFileIsReportedAtPathLineColumnAndNothingIsWritten() throws {
        let fixture = try APIFixture()
        let body = Self.bundle([(Self.historyPath, try Self.renamedHistory()), ("a.yaml", "kind: [x\n"), ("b.json", "{\"kind\": }")])
        let refused = fixture.send(.post, "/api/v1/apply", token: fixture.ordersOwnerToken, body: body)
        #expect(refused.status.code == 400)
        let locations = (refused.json["issues"]?.arrayValue ?? []).compactMap { $0["location"]?.stringValue }
        #expect(locations.count == 2)
        #expect(locations.allSatisfy { $0.hasPrefix("a.yaml:") || $0.hasPrefix("b.json:1:") }, "\(locations)")
        #expect(try fixture.registry.product("order-history").revision == 1)
    }

    @Test func tooLargeABundleIs413AndAWrongShapeIs400() throws {
        let fixture = try APIFixture()
        let many = Self.bundle((0...ApplyBundle.maximumDocuments).map { ("d\($0).yaml", "kind: Domain\n") })
        let tooLarge = fixture.send(.post, "/api/v1/apply", token: fixture.adminToken, body: many)
        #expect(tooLarge.status.code == 413)
        #expect(tooLarge.json["code"] == "bundle-too-large")
        let wrong = fixture.send(.post, "/api/v1/apply", token: fixture.adminToken, body: #"{"documents": [{"path": "a.yaml"}]}"#)
        #expect(wrong.status.code == 400)
        #expect(wrong.json["code"] == "invalid-bundle")
        #expect(fixture.send(.post, "/api/v1/apply", body: many).status.code == 401)
    }
}
