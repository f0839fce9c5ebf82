import Dispatch
import Foundation
import HTTPProtocol
import JSON
import Registry
import RegistryAPI
import Synchronization
import Testing

/// What the API answers on the event loop (`respondWithoutBlocking`) and what it leaves to a
/// worker, and that an answer made on the loop is the one a worker makes, byte for byte. Worker
/// answers run on a thread of their own, as in the server, so what the loop finds in a cache is
/// what another thread stored there.
@Suite struct AnswersFromMemoryTests {
    /// `api.respond(to:)` on a new thread, as a worker runs it.
    private static func byWorker(_ api: RegistryAPI, _ request: HTTPRequest) -> HTTPResponse {
        let answer = Mutex<HTTPResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let response = api.respond(to: request)
            answer.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return answer.withLock { $0 } ?? HTTPResponse(status: .internalServerError)
    }

    private static func request(_ method: HTTPMethod, _ target: String, token: String? = nil, headers: [(String, String)] = [], body: String = "") -> HTTPRequest {
        var fields = HTTPHeaders([("Host", "localhost")] + headers)
        if let token { fields.add(name: "Authorization", value: "Bearer \(token)") }
        return HTTPRequest(head: HTTPRequestHead(method: method, target: target, headers: fields), body: Array(body.utf8))
    }

    /// The answer as it leaves the server, with its request id (unique per request) blanked.
    private static func wire(_ response: HTTPResponse, for request: HTTPRequest) -> String {
        var response = response
        let requestIDs = response.headers.filter { $0.name == "X-Request-Id" }.map(\.value)
        #expect(requestIDs.count == 1 && requestIDs[0].contains("-"), "one X-Request-Id, \(requestIDs)")
        response.headers.replaceOrAdd(name: "X-Request-Id", value: "blanked")
        let bytes = HTTPResponseEncoder.encode(response, respondingTo: request.head, closesConnection: false, date: "Sun, 06 Dec 2026 12:00:00 GMT")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Answers `request` on the loop, requiring that it can, then by a worker; both must be equal on the wire.
    private static func expectSameAnswer(_ fixture: APIFixture, _ request: HTTPRequest, status: Int,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws -> HTTPResponse {
        let onLoop = try #require(fixture.api.respondWithoutBlocking(to: request), sourceLocation: sourceLocation)
        let byWorker = Self.byWorker(fixture.api, request)
        #expect(onLoop.status.code == status, sourceLocation: sourceLocation)
        #expect(wire(onLoop, for: request) == wire(byWorker, for: request), sourceLocation: sourceLocation)
        #expect(onLoop.delay == byWorker.delay, sourceLocation: sourceLocation)
        return onLoop
    }

    private static func registerSchema(_ fixture: APIFixture) throws -> Int64 {
        let body = JSONValue.object(["schema": .string(ConfluentAPITests.v1)]).encoded()
        let registered = byWorker(fixture.api, request(.post, "/apis/ccompat/v7/subjects/\(ConfluentAPITests.scratchSubject)/versions",
                                                         token: fixture.adminToken, body: body))
        return try #require(registered.json["id"]?.integerValue)
    }

    @Test func healthAndTheOpenAPIDocumentAreAnsweredOnTheLoopAsAWorkerAnswersThem() throws {
        let fixture = try APIFixture()
        let health = try Self.expectSameAnswer(fixture, Self.request(.get, "/healthz"), status: 200)
        #expect(health.json == ["status": "ok"])
        _ = try Self.expectSameAnswer(fixture, Self.request(.head, "/healthz"), status: 200)
        let document = try Self.expectSameAnswer(fixture, Self.request(.get, "/openapi.json"), status: 200)
        #expect(document.json["openapi"] != nil)
        let unknown = try Self.expectSameAnswer(fixture, Self.request(.get, "/no/such/route"), status: 404)
        #expect(unknown.json["code"] == "no-such-route")
        _ = try Self.expectSameAnswer(fixture, Self.request(.get, "/apis/ccompat/v7/no-such-route"), status: 404)
        // /readyz reads the database: a worker answers it.
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/readyz")) == nil)
    }

    @Test func aSchemaByIdIsAnsweredOnTheLoopOnceItsBodyAndTheCallersTokenAreCached() throws {
        let fixture = try APIFixture()
        let id = try Self.registerSchema(fixture)  // authenticates the admin token: the token cache holds it now
        let byID = Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", token: fixture.adminToken)
        #expect(fixture.api.respondWithoutBlocking(to: byID) == nil, "the body is not cached before a worker reads it once")
        let first = Self.byWorker(fixture.api, byID)
        #expect(first.status.code == 200)
        let answer = try Self.expectSameAnswer(fixture, byID, status: 200)
        #expect(answer.json["schema"]?.stringValue.flatMap { try? JSONParser.parse($0) } == (try JSONParser.parse(ConfluentAPITests.v1)))
        _ = try Self.expectSameAnswer(fixture, Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)?subject=anything", token: fixture.adminToken), status: 200)

        // Basic authentication, as Kafka serializers send it, with the same cached token.
        let basic = "Basic " + Data("user:\(fixture.adminToken)".utf8).base64EncodedString()
        _ = try Self.expectSameAnswer(fixture, Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", headers: [("Authorization", basic)]), status: 200)

        // Refusals that need no database are made on the loop too, in Confluent's error body.
        let anonymous = try Self.expectSameAnswer(fixture, Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)"), status: 401)
        #expect(anonymous.json["error_code"] == 401)
        let malformed = try Self.expectSameAnswer(fixture, Self.request(.get, "/apis/ccompat/v7/schemas/ids/abc", token: fixture.adminToken), status: 404)
        #expect(malformed.json["error_code"] == 40403)
        _ = try Self.expectSameAnswer(fixture, Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", headers: [("Authorization", "Bearer")]), status: 401)

        // Whatever needs the database goes to a worker.
        let otherToken = Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", token: fixture.ordersOwnerToken)
        #expect(fixture.api.respondWithoutBlocking(to: otherToken) == nil, "a token the cache does not hold")
        let unknownToken = Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", token: "meshreg_00000000_" + String(repeating: "0", count: 48))
        #expect(fixture.api.respondWithoutBlocking(to: unknownToken) == nil, "an unknown token is known unknown only to the database")
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id + 1000)", token: fixture.adminToken)) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)?format=resolved", token: fixture.adminToken)) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)/schema", token: fixture.adminToken)) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)",
                                                                     headers: [("Cookie", "meshreg_session=abc")])) == nil, "a session is looked up in the database")
        // Once a worker has authenticated the other token, the loop answers it too.
        #expect(Self.byWorker(fixture.api, otherToken).status.code == 200)
        _ = try Self.expectSameAnswer(fixture, otherToken, status: 200)
    }

    @Test func aRevokedTokenIsNoLongerAcceptedOnTheLoop() throws {
        let fixture = try APIFixture()
        let issued = try fixture.registry.issueToken(for: .user("david.kim"), actor: .localAdmin)
        let id = try Self.registerSchema(fixture)
        let byID = Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", token: issued.token)
        #expect(Self.byWorker(fixture.api, byID).status.code == 200)
        _ = try Self.expectSameAnswer(fixture, byID, status: 200)
        try fixture.registry.revokeToken(issued.id, actor: .user("admin", isAdmin: true))
        #expect(fixture.api.respondWithoutBlocking(to: byID) == nil)
        #expect(fixture.api.respond(to: byID).status.code == 401)
    }

    @Test func aProductIsAnsweredOnTheLoopUntilACommitEmptiesTheCache() throws {
        let fixture = try APIFixture(serving: true)
        let product = Self.request(.get, "/api/v1/products/order-history", token: fixture.ordersOwnerToken)
        #expect(fixture.api.respondWithoutBlocking(to: product) == nil, "neither the token nor the product is cached yet")
        #expect(Self.byWorker(fixture.api, product).status.code == 200)
        let cached = try Self.expectSameAnswer(fixture, product, status: 200)
        #expect(cached.headers["ETag"] == "\"1\"" && cached.json["document"]?["id"] == "order-history")
        _ = try Self.expectSameAnswer(fixture, Self.request(.head, "/api/v1/products/order-history", token: fixture.ordersOwnerToken), status: 200)
        let missing = Self.request(.get, "/api/v1/products/no-such-product", token: fixture.ordersOwnerToken)
        #expect(Self.byWorker(fixture.api, missing).status.code == 404)
        #expect(fixture.api.respondWithoutBlocking(to: missing) == nil, "only products that exist are cached")

        let file = APIFixture.repositoryRoot.appendingPathComponent("Domains/orders/products/order-history.odps.yaml")
        let changed = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "tags: [orders, lakehouse, iceberg]", with: "tags: [orders, lakehouse]")
        let update = Self.request(.put, "/api/v1/products/order-history", token: fixture.ordersOwnerToken,
                                  headers: [("Content-Type", "application/yaml")], body: changed)
        #expect(Self.byWorker(fixture.api, update).status.code == 200)
        #expect(fixture.api.respondWithoutBlocking(to: product) == nil, "the write emptied the cache")
        #expect(Self.byWorker(fixture.api, product).headers["ETag"] == "\"2\"")
        let fresh = try Self.expectSameAnswer(fixture, product, status: 200)
        #expect(fresh.headers["ETag"] == "\"2\"" && fresh.json["document"]?["tags"] == ["orders", "lakehouse"])
    }

    @Test func productsWritesBodiesAndLongPollsAlwaysGoToAWorker() throws {
        let fixture = try APIFixture()
        let product = Self.request(.get, "/api/v1/products/order-history", token: fixture.adminToken)
        #expect(fixture.api.respond(to: product).status.code == 200)
        // A registry that does not hear other processes' commits (not serving) caches no current documents.
        #expect(fixture.api.respondWithoutBlocking(to: product) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/healthz", body: "x")) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.post, "/healthz")) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.post, "/no/such/route")) == nil)
        let register = Self.request(.post, "/apis/ccompat/v7/subjects/s-value/versions", token: fixture.adminToken,
                                    body: JSONValue.object(["schema": .string(ConfluentAPITests.v1)]).encoded())
        #expect(fixture.api.respondWithoutBlocking(to: register) == nil)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/api/v1/events?wait=1", token: fixture.adminToken)) == nil)
        #expect(fixture.registry.cachedPrincipal(forToken: fixture.adminToken) != nil, "the token was cached, so only the route sent these to a worker")
    }

    @Test func anAnswerOnTheLoopIsCountedAndLoggedAsAWorkersIs() throws {
        let records = Mutex<[RegistryAPI.LogRecord]>([])
        let fixture = try APIFixture(log: { record in records.withLock { $0.append(record) } })
        let id = try Self.registerSchema(fixture)
        let byID = Self.request(.get, "/apis/ccompat/v7/schemas/ids/\(id)", token: fixture.adminToken)
        _ = Self.byWorker(fixture.api, byID)
        records.withLock { $0.removeAll() }
        _ = try Self.expectSameAnswer(fixture, byID, status: 200)
        _ = try Self.expectSameAnswer(fixture, Self.request(.get, "/healthz"), status: 200)
        #expect(fixture.api.respondWithoutBlocking(to: Self.request(.get, "/readyz")) == nil)
        let logged = records.withLock { $0 }
        #expect(logged.count == 4, "a line for each answer, none for the request the loop left to a worker")
        let described = logged.map { "\($0.method) \($0.route) \($0.status) \($0.principal ?? "-")" }
        #expect(described == [
            "GET /apis/ccompat/v7/schemas/ids/{id} 200 admin", "GET /apis/ccompat/v7/schemas/ids/{id} 200 admin",
            "GET /healthz 200 -", "GET /healthz 200 -",
        ])
        #expect(Set(logged.map(\.requestID)).count == 4)
        let metrics = fixture.api.metrics.render(gauges: [])
        #expect(metrics.contains(#"meshreg_http_requests_total{route="/apis/ccompat/v7/schemas/ids/{id}",method="GET",status="200"} 3"#), "\(metrics)")
        #expect(metrics.contains(#"meshreg_http_requests_total{route="/healthz",method="GET",status="200"} 2"#))
        #expect(!metrics.contains(#"route="/readyz""#))
    }
}
