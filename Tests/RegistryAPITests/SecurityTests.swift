import Foundation
import HTTPProtocol
import JSON
import Registry
import Testing
@testable import RegistryAPI

/// Issue 7's security properties, each as a test: ownership, throttling, literal storage of
/// hostile strings, refused ids, and parser bombs.
@Suite struct SecurityTests {
    @Test func writesIntoAnotherTeamsThingsAre403AndAudited() throws {
        let fixture = try APIFixture()
        let yaml = [("Content-Type", "application/yaml")]
        let contract = try APIFixture.meshFile("customers/contracts/customers.profiles.odcs.yaml")
        let product = try APIFixture.meshFile("customers/products/customer-profiles.odps.yaml")
        let domain = try APIFixture.meshFile("customers/domain.yaml")
        #expect(fixture.send(.put, "/api/v1/contracts/customers.profiles", token: fixture.ordersOwnerToken, headers: yaml, body: contract).status.code == 403)
        #expect(fixture.send(.put, "/api/v1/products/customer-profiles", token: fixture.ordersOwnerToken, headers: yaml, body: product).status.code == 403)
        #expect(fixture.send(.delete, "/api/v1/products/customer-profiles", token: fixture.ordersOwnerToken).status.code == 403)
        #expect(fixture.send(.put, "/api/v1/domains/customers", token: fixture.ordersOwnerToken, headers: yaml, body: domain).status.code == 403)
        let refused = try fixture.registry.auditEntries(AuditQuery(actor: "david.kim", outcome: "refused")).entries
        #expect(refused.count == 4)
        #expect(refused.allSatisfy { $0.code == "forbidden" })
    }

    @Test func repeatedBadTokensAreSlowedDownPerAddress() {
        let throttle = AuthenticationThrottle(allowedFailures: 3, windowSeconds: 60, maximumDelayMilliseconds: 1_000)
        let delays = (0..<10).map { _ in throttle.delayAfterFailure(from: "203.0.113.9") }
        #expect(delays.prefix(3).allSatisfy { $0 == 0 })
        #expect(delays[3] > 0)
        #expect(zip(delays.dropFirst(3), delays.dropFirst(4)).allSatisfy { $0 <= $1 }, "the delay only grows")
        #expect(delays.last == 1_000, "and is capped")
        #expect(throttle.delayAfterFailure(from: "198.51.100.7") == 0, "another address is not slowed")
    }

    @Test func aBadTokenFloodIsAnsweredWithGrowingDelaysInsteadOfSleeping() throws {
        let fixture = try APIFixture()
        var bad = HTTPRequest(head: HTTPRequestHead(
            method: .get, target: "/api/v1/products", version: .http1_1,
            headers: HTTPHeaders([("Host", "h"), ("Authorization", "Bearer mr_not-a-token")])))
        bad.remoteAddress = "203.0.113.77"
        let delays = (0..<8).map { _ in fixture.api.respond(to: bad) }.map { response in
            #expect(response.status.code == 401)
            return response.delay
        }
        #expect(delays.prefix(5).allSatisfy { $0 == .zero }, "the first failures are answered at once")
        #expect(delays[5] > .zero)
        #expect(delays[6] > delays[5] && delays[7] > delays[6], "then each answer is held longer")
        let good = fixture.send(.get, "/api/v1/products", token: fixture.ordersOwnerToken)
        #expect(good.status.code == 200)
        #expect(good.delay == .zero, "a good token is never held")
        #expect(fixture.api.mayWaitLong(HTTPRequest(head: HTTPRequestHead(method: .get, target: "/api/v1/events?wait=30", version: .http1_1, headers: HTTPHeaders([("Host", "h")])))))
        #expect(!fixture.api.mayWaitLong(bad))
    }

    @Test func sqlMetacharactersAreStoredAndReturnedLiterally() throws {
        let fixture = try APIFixture()
        let hostile = #"Robert'); DROP TABLE products; -- "quoted" \back\slash %_ NUL:\u0000 ☃"#
        var document = try fixture.registry.product("order-history").document.objectValue!
        document["name"] = .string(hostile)
        var description = document["description"]!.objectValue!
        description["purpose"] = .string(hostile)
        document["description"] = .object(description)
        let response = fixture.send(.put, "/api/v1/products/order-history", token: fixture.ordersOwnerToken,
                                    headers: [("Content-Type", "application/json")], body: JSONValue.object(document).encoded())
        #expect(response.status.code == 200, "\(response.json)")
        let stored = fixture.send(.get, "/api/v1/products/order-history", token: fixture.ordersOwnerToken).json
        #expect(stored["document"]?["name"] == .string(hostile))
        #expect(stored["document"]?["description"]?["purpose"] == .string(hostile))
        let listed = fixture.send(.get, "/api/v1/products?q=drop%20table", token: fixture.ordersOwnerToken).json["items"]?.arrayValue
        #expect(listed?.first?["name"] == .string(hostile))
        #expect(try fixture.registry.products(ProductQuery(limit: 1_000)).items.count == 13, "nothing was dropped")
    }

    @Test(arguments: ["a%2Fb", "..", "x%00y", String(repeating: "a", count: 129), "-leading", "sp%20ace"])
    func badIdsAreRefused(encodedID: String) throws {
        let fixture = try APIFixture()
        let id = PercentDecoding.decode(encodedID[...], plusIsSpace: false)
        let document: JSONValue = ["apiVersion": "v1.0.0", "kind": "DataProduct", "id": .string(id), "name": "X", "version": "1.0.0",
                                   "status": "draft", "domain": "orders", "team": ["name": "order-platform", "members": [["username": "david.kim", "role": "owner"]]]]
        let response = fixture.send(.put, "/api/v1/products/\(encodedID)", token: fixture.ordersOwnerToken,
                                    headers: [("Content-Type", "application/json")], body: document.encoded())
        #expect(response.status.code == 422 || response.status.code == 404, "\(response.json)")
        #expect(response.status.code != 201)
        #expect(throws: RegistryError.self) { try fixture.registry.product(id) }
    }

    @Test(arguments: [
        ("application/json", String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "deeper than"),
        ("application/json", #"{"version": 1e400}"#, "out of range"),
        ("application/json", "{\"n\": " + String(repeating: "9", count: 5_000) + "}", "longer than"),
        ("application/yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "alias"),
        ("application/yaml", String(repeating: "- ", count: 200) + "x\n", "deeper than"),
    ])
    func parserBombsAreRefusedWithinTheLimits(contentType: String, body: String, fragment: String) throws {
        let fixture = try APIFixture()
        let response = fixture.send(.put, "/api/v1/products/bomb", token: fixture.ordersOwnerToken, headers: [("Content-Type", contentType)], body: body)
        #expect(response.status.code == 400)
        #expect(response.json["detail"]?.stringValue?.contains(fragment) == true, "\(response.json)")
    }
}
