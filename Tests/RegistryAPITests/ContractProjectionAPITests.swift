import Foundation
import HTTPProtocol
import JSON
import Registry
import Testing

/// The shipped orders contract opting in to drive its subject, through the REST and Confluent APIs.
@Suite struct ContractProjectionAPITests {
    static let subject = "orders.order-events.v1-value"

    /// orders.order-events 1.1.1: 1.1.0 plus `projectSubject: true`, a patch.
    static func drivingContract() throws -> String {
        try APIFixture.meshFile("orders/contracts/orders.order-events-v1.1.0.odcs.yaml")
            .replacingOccurrences(of: "version: 1.1.0", with: "version: 1.1.1")
            .replacingOccurrences(of: "    value: FULL_TRANSITIVE\n", with: "    value: FULL_TRANSITIVE\n  - property: projectSubject\n    value: true\n")
    }

    @Test func publishingRegistersTheSubjectAndHandSchemasThatDisagreeGet409() throws {
        let fixture = try APIFixture()
        let body = try Self.drivingContract()
        #expect(body.contains("property: projectSubject"))
        let published = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                     headers: [("Content-Type", "application/yaml")], body: body)
        #expect(published.status.code == 201, "\(String(decoding: published.body, as: UTF8.self))")
        let latest = fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions/latest", token: fixture.adminToken).json
        #expect(latest["version"] == 1)
        let schema = try JSONParser.parse(latest["schema"]?.stringValue ?? "")
        #expect(schema["fields"]?.arrayValue?.count == 10 && schema["name"] == "order_event")

        let handMade = #"{"type":"record","name":"order_event","namespace":"orders.order_events","fields":[{"name":"event_id","type":"string"},{"name":"order_id","type":"string"}]}"#
        let refused = fixture.send(.post, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.ordersOwnerToken,
                                   headers: [("Content-Type", "application/vnd.schemaregistry.v1+json")],
                                   body: JSONValue.object(["schema": .string(handMade)]).encoded())
        #expect(refused.status.code == 409)
        #expect(refused.json["error_code"] == 409)
        let message = refused.json["message"]?.stringValue ?? ""
        #expect(message.contains("orders.order-events@1.1.1") && message.contains("event_type: the contract has this field and the schema does not"), "\(message)")
        #expect(fixture.send(.get, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.adminToken).json == [1])

        let again = fixture.send(.post, "/apis/ccompat/v7/subjects/\(Self.subject)/versions", token: fixture.ordersOwnerToken,
                                 headers: [("Content-Type", "application/vnd.schemaregistry.v1+json")],
                                 body: JSONValue.object(["schema": latest["schema"] ?? .null]).encoded())
        #expect(again.json["id"] == latest["id"], "the projection itself registers as the same id")
    }
}
