import Foundation
import HTTPProtocol
import JSON
import Registry
import RegistryAPI
import Testing

/// `/api/v1/webhooks` through the router.
@Suite struct WebhookAPITests {
    private let json = [("Content-Type", "application/json")]

    @Test func urlsReachingPrivateOrMetadataAddressesAreRefused() throws {
        let fixture = try APIFixture()
        for url in ["http://127.0.0.1:9/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/hook",
                    "http://[::1]/hook", "file:///etc/passwd"] {
            let refused = fixture.send(.post, "/api/v1/webhooks", token: fixture.ordersOwnerToken, headers: json, body: #"{"url": "\#(url)"}"#)
            #expect(refused.status.code == 422, "\(url)")
            #expect(refused.json["code"] == "webhook-url-refused", "\(url)")
        }
        #expect(try fixture.registry.webhooks(actor: .localAdmin).isEmpty, "nothing was stored")
    }

    @Test func theSecretIsShownOnceAndOnlyTheCreatorOrAdminsManage() throws {
        let fixture = try APIFixture(configuration: RegistryConfiguration(allowsPrivateWebhooks: true))
        let created = fixture.send(.post, "/api/v1/webhooks", token: fixture.ordersOwnerToken, headers: json,
                                   body: #"{"url": "http://127.0.0.1:9/hook", "types": ["io.meshreg.product.updated.v1"], "domains": ["orders"], "description": "orders feed"}"#)
        #expect(created.status.code == 201, "\(created.json)")
        let id = try #require(created.json["id"]?.stringValue)
        #expect(created.json["secret"]?.stringValue?.hasPrefix("whsec_") == true)
        #expect(created.json["types"] == ["product.updated"] && created.json["status"] == "active")

        let read = fixture.send(.get, "/api/v1/webhooks/\(id)", token: fixture.ordersOwnerToken)
        #expect(read.status.code == 200 && read.json["secret"] == nil)
        #expect(fixture.send(.get, "/api/v1/webhooks", token: fixture.ordersOwnerToken).json["items"]?.arrayValue?.count == 1)
        #expect(fixture.send(.get, "/api/v1/webhooks", token: fixture.outsiderToken).json["items"]?.arrayValue?.isEmpty == true)
        #expect(fixture.send(.get, "/api/v1/webhooks/\(id)", token: fixture.outsiderToken).status.code == 404)
        #expect(fixture.send(.delete, "/api/v1/webhooks/\(id)", token: fixture.outsiderToken).status.code == 404)

        #expect(fixture.send(.post, "/api/v1/webhooks/\(id)/pause", token: fixture.ordersOwnerToken).json["status"] == "paused")
        #expect(fixture.send(.post, "/api/v1/webhooks/\(id)/resume", token: fixture.adminToken).json["status"] == "active")
        let replayed = fixture.send(.post, "/api/v1/webhooks/\(id)/replay?from=5", token: fixture.ordersOwnerToken)
        #expect(replayed.json["position"] == "4")
        #expect(fixture.send(.get, "/api/v1/webhooks/\(id)/deliveries", token: fixture.ordersOwnerToken).json["items"] == [])
        #expect(fixture.send(.delete, "/api/v1/webhooks/\(id)", token: fixture.ordersOwnerToken).status.code == 204)
        #expect(fixture.send(.get, "/api/v1/webhooks/\(id)", token: fixture.ordersOwnerToken).status.code == 404)
    }

    @Test func badSubscriptionsAreExplained() throws {
        let fixture = try APIFixture(configuration: RegistryConfiguration(allowsPrivateWebhooks: true))
        let noURL = fixture.send(.post, "/api/v1/webhooks", token: fixture.adminToken, headers: json, body: #"{"types": []}"#)
        #expect(noURL.status.code == 422)
        let badType = fixture.send(.post, "/api/v1/webhooks", token: fixture.adminToken, headers: json,
                                   body: #"{"url": "http://127.0.0.1:9/", "types": ["product.exploded"]}"#)
        #expect(badType.status.code == 422 && badType.json["detail"]?.stringValue?.contains("product.exploded") == true)
        let notStrings = fixture.send(.post, "/api/v1/webhooks", token: fixture.adminToken, headers: json,
                                      body: #"{"url": "http://127.0.0.1:9/", "domains": [1]}"#)
        #expect(notStrings.status.code == 422)
    }
}
