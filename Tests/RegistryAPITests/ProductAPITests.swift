import Foundation
import HTTPProtocol
import JSON
import Testing

/// The REST API for domains, teams, products and contracts, called through the router.
@Suite struct ProductAPITests {
    @Test func healthAndOpenAPIAreOpenEverythingElseNeedsAToken() throws {
        let fixture = try APIFixture()
        #expect(fixture.send(.get, "/healthz").status.code == 200)
        #expect(fixture.send(.get, "/readyz").status.code == 200)
        #expect(fixture.send(.get, "/openapi.json").json["openapi"] == "3.1.0")
        let refused = fixture.send(.get, "/api/v1/products")
        #expect(refused.status.code == 401)
        #expect(refused.headers.values(for: "WWW-Authenticate").count == 2)
        #expect(refused.headers["Content-Type"] == "application/problem+json")
        #expect(refused.json["code"] == "unauthenticated")
        #expect(fixture.send(.get, "/api/v1/products", token: "meshreg_forged_token").status.code == 401)
        #expect(fixture.send(.get, "/metrics").status.code == 401)
    }

    @Test(arguments: ["Bearer", "bearer", "BEARER", "bEaReR"])
    func theAuthSchemeIsCaseInsensitive(_ scheme: String) throws {
        let fixture = try APIFixture()
        let response = fixture.send(.get, "/api/v1/products/order-history", headers: [("Authorization", "\(scheme) \(fixture.ordersOwnerToken)")])
        #expect(response.status.code == 200)
        let unknown = fixture.send(.get, "/api/v1/products/order-history", headers: [("Authorization", "Bearers \(fixture.ordersOwnerToken)")])
        #expect(unknown.status.code == 401, "a scheme that only begins with bearer is not bearer")
        let long = fixture.send(.get, "/api/v1/products/order-history", headers: [("Authorization", "\(scheme) \(fixture.ordersOwnerToken)\(String(repeating: "0", count: 257))")])
        #expect(long.status.code == 401, "a token over 256 bytes is refused without a lookup")
    }

    @Test func basicAuthCarriesTheTokenAsPassword() throws {
        let fixture = try APIFixture()
        let credentials = Data("kafka-client:\(fixture.ordersOwnerToken)".utf8).base64EncodedString()
        let response = fixture.send(.get, "/api/v1/products/order-history", headers: [("Authorization", "Basic \(credentials)")])
        #expect(response.status.code == 200)
    }

    @Test func listsFiltersAndPagesProducts() throws {
        let fixture = try APIFixture()
        let all = fixture.send(.get, "/api/v1/products?limit=1000", token: fixture.outsiderToken).json["items"]?.arrayValue ?? []
        #expect(all.count == 13)
        let orders = fixture.send(.get, "/api/v1/products?domain=orders", token: fixture.outsiderToken).json["items"]?.arrayValue ?? []
        #expect(orders.compactMap { $0["id"]?.stringValue } == ["online-orders", "order-history"])
        let first = fixture.send(.get, "/api/v1/products?limit=5", token: fixture.outsiderToken).json
        let cursor = try #require(first["nextCursor"]?.stringValue)
        let second = fixture.send(.get, "/api/v1/products?limit=5&cursor=\(cursor)", token: fixture.outsiderToken).json
        #expect(second["items"]?[0]?["id"] == all[5]["id"])
        #expect(fixture.send(.get, "/api/v1/products?q=REALTIME-RECO", token: fixture.outsiderToken).json["items"]?[0]?["id"] == "realtime-recommendations")
        #expect(fixture.send(.get, "/api/v1/products?limit=0", token: fixture.outsiderToken).status.code == 400)
    }

    @Test func getsAProductWithItsEnvelopeAndETag() throws {
        let fixture = try APIFixture()
        let response = fixture.send(.get, "/api/v1/products/order-history", token: fixture.outsiderToken)
        #expect(response.status.code == 200)
        #expect(response.headers["ETag"] == "\"1\"")
        #expect(response.json["document"]?["id"] == "order-history")
        #expect(response.json["revision"] == 1)
        #expect(response.json["registeredBy"] == "local-admin")
        let missing = fixture.send(.get, "/api/v1/products/nope", token: fixture.outsiderToken)
        #expect(missing.status.code == 404)
        #expect(missing.json["code"] == "not-found")
    }

    @Test func updatesHonourIfMatch() throws {
        let fixture = try APIFixture()
        let yaml = try APIFixture.meshFile("orders/products/order-history.odps.yaml").replacingOccurrences(of: "status: active", with: "status: deprecated")
        let headers = [("Content-Type", "application/yaml")]
        let stale = fixture.send(.put, "/api/v1/products/order-history", token: fixture.ordersOwnerToken, headers: headers + [("If-Match", "\"7\"")], body: yaml)
        #expect(stale.status.code == 412)
        #expect(stale.json["code"] == "precondition-failed")
        let updated = fixture.send(.put, "/api/v1/products/order-history", token: fixture.ordersOwnerToken, headers: headers + [("If-Match", "\"1\"")], body: yaml)
        #expect(updated.status.code == 200)
        #expect(updated.headers["ETag"] == "\"2\"")
        #expect(updated.json["change"] == "updated")
        #expect(updated.json["registeredBy"] == "david.kim")
        let revisions = fixture.send(.get, "/api/v1/products/order-history/revisions", token: fixture.ordersOwnerToken).json["items"]?.arrayValue
        #expect(revisions?.map { $0["status"] } == ["active", "deprecated"])
    }

    @Test func nonMembersAreRefusedBeforeTheBodyIsRead() throws {
        let fixture = try APIFixture()
        let response = fixture.send(.put, "/api/v1/products/order-history", token: fixture.outsiderToken,
                                    headers: [("Content-Type", "application/json")], body: "{ this is not json")
        #expect(response.status.code == 403)
        #expect(response.json["code"] == "forbidden")
        #expect(response.json["detail"]?.stringValue?.contains("order-platform") == true)
    }

    @Test func malformedBodiesGet400WithTheLocation() throws {
        let fixture = try APIFixture()
        let json = fixture.send(.put, "/api/v1/products/new-product", token: fixture.ordersOwnerToken,
                                headers: [("Content-Type", "application/json")], body: "{\n  \"id\": \"new-product\",\n  oops\n}")
        #expect(json.status.code == 400)
        #expect(json.json["issues"]?[0]?["location"] == "request body:3:3")
        let yaml = fixture.send(.put, "/api/v1/products/new-product", token: fixture.ordersOwnerToken,
                                headers: [("Content-Type", "application/yaml")], body: "id: [unclosed\n")
        #expect(yaml.status.code == 400)
        let media = fixture.send(.put, "/api/v1/products/new-product", token: fixture.ordersOwnerToken,
                                 headers: [("Content-Type", "text/csv")], body: "a,b")
        #expect(media.status.code == 415)
    }

    @Test func registersANewProductAndRefusesBrokenOnesWithPointers() throws {
        let fixture = try APIFixture()
        let original = try APIFixture.meshFile("orders/products/order-history.odps.yaml")
        let copy = original.replacingOccurrences(of: "id: order-history", with: "id: order-history-eu")
            .replacingOccurrences(of: "name: order-lines\n", with: "name: order-lines-eu\n")
        let created = fixture.send(.put, "/api/v1/products/order-history-eu", token: fixture.ordersOwnerToken,
                                   headers: [("Content-Type", "application/yaml")], body: copy)
        #expect(created.status.code == 201, "\(created.json)")
        #expect(created.headers["Location"] == "/api/v1/products/order-history-eu")

        let mismatch = fixture.send(.put, "/api/v1/products/other-id", token: fixture.ordersOwnerToken,
                                    headers: [("Content-Type", "application/yaml")], body: copy)
        #expect(mismatch.status.code == 422)
        #expect(mismatch.json["issues"]?[0]?["pointer"] == "/id")

        let broken = copy.replacingOccurrences(of: "version: 1.0.0\nstatus", with: "version: one\nstatus")
        let refused = fixture.send(.put, "/api/v1/products/order-history-eu", token: fixture.ordersOwnerToken,
                                   headers: [("Content-Type", "application/yaml")], body: broken)
        #expect(refused.status.code == 422)
        #expect(refused.json["issues"]?[0]?["pointer"] == "/version")
        #expect(fixture.send(.get, "/api/v1/products/order-history-eu", token: fixture.ordersOwnerToken).json["revision"] == 1)
    }

    @Test func retiringAProductOthersReadIsAConflictNamingThem() throws {
        let fixture = try APIFixture()
        let response = fixture.send(.delete, "/api/v1/products/online-orders", token: fixture.ordersOwnerToken)
        #expect(response.status.code == 409)
        #expect(response.json["code"] == "has-dependants")
        #expect(response.json["dependants"]?.arrayValue?.contains("product:order-history") == true)
    }

    @Test func contractsListVersionsAndFreezeActiveOnes() throws {
        let fixture = try APIFixture()
        let versions = fixture.send(.get, "/api/v1/contracts/orders.order-events", token: fixture.outsiderToken).json
        #expect(versions["versions"]?.arrayValue?.compactMap { $0["version"]?.stringValue } == ["1.0.0", "1.1.0"])
        let file = try APIFixture.meshFile("orders/contracts/orders.order-events-v1.1.0.odcs.yaml")
        let changed = file.replacingOccurrences(of: "name: Order Events\n", with: "name: Order Events (renamed)\n")
        #expect(changed != file)
        let response = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                    headers: [("Content-Type", "application/yaml")], body: changed)
        #expect(response.status.code == 409)
        #expect(response.json["code"] == "immutable-version")
        let deprecated = file.replacingOccurrences(of: "status: active\n", with: "status: deprecated\n")
        let allowed = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                   headers: [("Content-Type", "application/yaml")], body: deprecated)
        #expect(allowed.status.code == 200)
        #expect(allowed.json["document"]?["status"] == "deprecated")
        #expect(fixture.send(.get, "/api/v1/contracts/orders.order-events/versions/1.0.0", token: fixture.outsiderToken).status.code == 200)
    }

    @Test func domainsAndTeams() throws {
        let fixture = try APIFixture()
        let domains = fixture.send(.get, "/api/v1/domains", token: fixture.outsiderToken).json["items"]?.arrayValue ?? []
        #expect(domains.count == 6)
        let orders = fixture.send(.get, "/api/v1/domains/orders", token: fixture.outsiderToken).json
        #expect(orders["teams"]?[0]?["name"] == "order-platform")
        let team = fixture.send(.get, "/api/v1/teams/order-platform", token: fixture.outsiderToken).json
        #expect(team["members"]?.arrayValue?.contains { $0["username"] == "david.kim" } == true)
    }

    @Test func unknownRoutesAre404AndWrongMethods405WithAllow() throws {
        let fixture = try APIFixture()
        #expect(fixture.send(.get, "/api/v1/nothing-here", token: fixture.adminToken).status.code == 404)
        let wrong = fixture.send(.post, "/api/v1/products/order-history", token: fixture.adminToken)
        #expect(wrong.status.code == 405)
        #expect(wrong.headers["Allow"] == "GET, PUT, DELETE, HEAD")
        #expect(fixture.send(.head, "/api/v1/products/order-history", token: fixture.adminToken).status.code == 200)
    }

    @Test func encodedSlashesStayInsideTheirSegment() throws {
        let fixture = try APIFixture()
        let response = fixture.send(.get, "/api/v1/products/..%2Fetc", token: fixture.adminToken)
        // A router that decoded %2F before splitting would see five segments and answer no-such-route;
        // this one matched the product route and looked up the decoded id.
        #expect(response.status.code == 404)
        #expect(response.json["code"] == "not-found")
        #expect(response.json["detail"]?.stringValue?.contains("../etc") == true)
    }

    @Test func escapedLiteralsAndParametersAreDecodedBeforeTheyAreCompared() throws {
        let fixture = try APIFixture()
        // %70 is "p", %2D is "-": the router compares the decoded literal and decodes the parameter.
        let escaped = fixture.send(.get, "/api/v1/%70roducts/order%2Dhistory/", token: fixture.adminToken)
        #expect(escaped.status.code == 200)
        #expect(escaped.json["document"]?["id"] == "order-history")
        #expect(fixture.send(.get, "/api/v1/%70roduct/order-history", token: fixture.adminToken).json["code"] == "no-such-route")
        #expect(fixture.send(.get, "/api/v1/products/", token: fixture.adminToken).status.code == 200, "a trailing slash is the listing's")
    }

    @Test func metricsCountRequestsByRouteTemplate() throws {
        let fixture = try APIFixture()
        _ = fixture.send(.get, "/api/v1/products/order-history", token: fixture.adminToken)
        let text = String(decoding: fixture.send(.get, "/metrics", token: fixture.adminToken).body, as: UTF8.self)
        #expect(text.contains(#"meshreg_http_requests_total{route="/api/v1/products/{id}",method="GET",status="200"} 1"#))
        #expect(text.contains("meshreg_products 13"))
        #expect(text.contains("meshreg_http_request_duration_seconds_bucket"))
    }
}
