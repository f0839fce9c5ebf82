import HTTPProtocol
import JSON
import Testing
@testable import RegistryAPI

/// A parameter or field outside what openapi.json allows is refused, never silently ignored:
/// a filter that matches nothing, or a field dropped, would look like a real answer.
@Suite struct ParameterValidationTests {
    @Test(arguments: [
        "/api/v1/products?status=live",
        "/api/v1/audit?outcome=ok",
        "/api/v1/access-requests?status=expired",
        "/apis/ccompat/v7/subjects?limit=1.5",
        "/apis/ccompat/v7/subjects?offset=two",
    ])
    func aValueOutsideTheDocumentedOnesIs400(target: String) throws {
        let fixture = try APIFixture()
        let response = fixture.send(.get, target, token: fixture.adminToken)
        #expect(response.status == .badRequest)
        #expect(fixture.send(.get, String(target.prefix { $0 != "?" }), token: fixture.adminToken).status == .ok)
    }

    @Test func anAccessRequestFieldOfTheWrongTypeIsRefused() throws {
        let fixture = try APIFixture()
        let body = #"""
            {"product": "customer-profiles", "port": "profiles", "team": "campaign-analytics",
             "purpose": "Build consented e-mail audiences for the winter campaign", "portVersion": 1}
            """#
        let response = fixture.send(.post, "/api/v1/access-requests", token: fixture.adminToken, headers: [("Content-Type", "application/json")], body: body)
        #expect(response.status == .unprocessableContent)
        #expect(response.json["detail"]?.stringValue?.contains("portVersion") == true)
    }
}
