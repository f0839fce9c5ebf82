import Foundation
import HTTPProtocol
import JSON
import Registry
import Testing

/// The shipped orders contract driving its subject, as every Kafka contract does unless it opts
/// out, through the REST and Confluent APIs.
@Suite struct ContractProjectionAPITests {
    static let subject = "orders.order-events.v1-value"

    /// orders.order-events 1.1.1: 1.1.0 as a patch, with `customProperties` added after the
    /// compatibility hint.
    static func patch(adding customProperties: String = "") throws -> String {
        try APIFixture.meshFile("orders/contracts/orders.order-events-v1.1.0.odcs.yaml")
            .replacingOccurrences(of: "version: 1.1.0", with: "version: 1.1.1")
            .replacingOccurrences(of: "    value: FULL_TRANSITIVE\n", with: "    value: FULL_TRANSITIVE\n" + customProperties)
    }

    static func register(_ schema: String, _ fixture: APIFixture) -> HTTPResponse {
        fixture.send(.post, "/apis/ccompat/v7/subjects/\(subject)/versions", token: fixture.ordersOwnerToken,
                     headers: [("Content-Type", "application/vnd.schemaregistry.v1+json")], body: JSONValue.object(["schema": .string(schema)]).encoded())
    }

    static let handMade = #"{"type":"record","name":"order_event","namespace":"orders.order_events","fields":[{"name":"event_id","type":"string"},{"name":"order_id","type":"string"}]}"#

    @Test func publishingRegistersTheSubjectAndHandSchemasThatDisagreeGet409() throws {
        let fixture = try APIFixture()
        #expect(fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.adminToken).json == [1, 2],
                "loading the mesh published 1.0.0 and 1.1.0, each projected")
        let body = try Self.patch()
        let published = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                     headers: [("Content-Type", "application/yaml")], body: body)
        #expect(published.status.code == 201, "\(String(decoding: published.body, as: UTF8.self))")
        let latest = fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions/latest", token: fixture.adminToken).json
        #expect(latest["version"] == 3, "the patch is a subject version naming it")
        #expect(latest["metadata"]?["properties"]?["contract"] == "orders.order-events@1.1.1")
        let schema = try JSONParser.parse(latest["schema"]?.stringValue ?? "")
        #expect(schema["fields"]?.arrayValue?.count == 10 && schema["name"] == "order_event")

        let refused = Self.register(Self.handMade, fixture)
        #expect(refused.status.code == 409)
        #expect(refused.json["error_code"] == 409)
        let message = refused.json["message"]?.stringValue ?? ""
        #expect(message.contains("orders.order-events@1.1.1") && message.contains("event_type: the contract has this field and the schema does not"), "\(message)")
        #expect(fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.adminToken).json == [1, 2, 3])

        let again = fixture.send(.post, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.ordersOwnerToken,
                                 headers: [("Content-Type", "application/vnd.schemaregistry.v1+json")],
                                 body: JSONValue.object(["schema": latest["schema"] ?? .null]).encoded())
        #expect(again.json["id"] == latest["id"], "the projection itself registers as the same id")
    }

    /// `projectSubject: false` in a new version hands the subject back to the team: publishing
    /// registers nothing and a schema that disagrees with the contract is accepted.
    @Test func aVersionThatOptsOutLeavesTheSubjectToItsTeam() throws {
        let fixture = try APIFixture()
        let body = try Self.patch(adding: "  - property: projectSubject\n    value: false\n")
        let published = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                     headers: [("Content-Type", "application/yaml")], body: body)
        #expect(published.status.code == 201, "\(String(decoding: published.body, as: UTF8.self))")
        #expect(fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.adminToken).json == [1, 2])
        let config = fixture.send(.put, "/apis/ccompat/v7/config/\(Self.subject)", token: fixture.ordersOwnerToken, body: #"{"compatibility":"NONE"}"#)
        #expect(config.json == ["compatibility": "NONE"])
        let accepted = Self.register(Self.handMade, fixture)
        #expect(accepted.status.code == 200, "\(String(decoding: accepted.body, as: UTF8.self))")
        #expect(fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.adminToken).json == [1, 2, 3])
    }
}
