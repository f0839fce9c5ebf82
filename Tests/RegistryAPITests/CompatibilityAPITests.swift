import JSON
import Testing

/// `POST /api/v1/compatibility` checks without writing; publishing enforces the same rules.
@Suite struct CompatibilityAPITests {
    @Test func checksAContractAgainstItsRegisteredLine() throws {
        let fixture = try APIFixture()
        let file = try APIFixture.meshFile("orders/contracts/orders.order-events-v1.1.0.odcs.yaml")
        let breaking = file.replacingOccurrences(of: "version: 1.1.0", with: "version: 1.2.0")
            .replacingOccurrences(of: "name: coupon_code", with: "name: coupon")
        #expect(breaking != file)
        let response = fixture.send(.post, "/api/v1/compatibility", token: fixture.outsiderToken,
                                    headers: [("Content-Type", "application/yaml")], body: breaking)
        #expect(response.status.code == 200)
        #expect(response.json["isCompatible"] == false)
        #expect(response.json["previousVersion"] == "1.1.0")
        #expect(response.json["findings"]?.arrayValue?.contains { $0["verdict"] == "breaking" } == true)
        let versions = fixture.send(.get, "/api/v1/contracts/orders.order-events", token: fixture.outsiderToken).json["versions"]?.arrayValue
        #expect(versions?.count == 2, "a check writes nothing")

        let publish = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                   headers: [("Content-Type", "application/yaml")], body: breaking)
        #expect(publish.status.code == 409)
        #expect(publish.json["code"] == "incompatible")
        #expect(publish.json["report"]?["isCompatible"] == false)
    }

    @Test func theSemverGateComparesWithTheLatestVersionOnly() throws {
        let fixture = try APIFixture()
        let file = try APIFixture.meshFile("orders/contracts/orders.order-events-v1.1.0.odcs.yaml")
        let unchanged = file.replacingOccurrences(of: "version: 1.1.0", with: "version: 1.1.1")
        let check = fixture.send(.post, "/api/v1/compatibility", token: fixture.outsiderToken,
                                 headers: [("Content-Type", "application/yaml")], body: unchanged)
        #expect(check.json["semver"]?["allowed"] == true, "the same schema as 1.1.0 needs only a patch bump, though 1.0.0 lacks coupon_code")
        let newProperty = "      - id: gift_wrap_prop\n        name: gift_wrap\n        logicalType: boolean\n        required: false\n"
        let tooSmall = unchanged.replacingOccurrences(of: "      - id: coupon_code_prop\n", with: newProperty + "      - id: coupon_code_prop\n")
        #expect(tooSmall != unchanged)
        let refused = fixture.send(.put, "/api/v1/contracts/orders.order-events", token: fixture.ordersOwnerToken,
                                   headers: [("Content-Type", "application/yaml")], body: tooSmall)
        #expect(refused.status.code == 422, "an added optional property is additive: a patch bump is too small")
        #expect(refused.json["code"] == "version-too-small")
        #expect(refused.json["suggestedVersion"] == "1.2.0")
    }

    @Test func checksExplicitSchemasOfEveryType() throws {
        let fixture = try APIFixture()
        let body = #"""
            {"type": "avro", "mode": "FORWARD",
             "schema": {"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}]},
             "against": [{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}]}
            """#
        let response = fixture.send(.post, "/api/v1/compatibility", token: fixture.outsiderToken,
                                    headers: [("Content-Type", "application/json")], body: body)
        #expect(response.json["isCompatible"] == false)
        #expect(response.json["mode"] == "FORWARD")
        let bad = fixture.send(.post, "/api/v1/compatibility", token: fixture.outsiderToken,
                               headers: [("Content-Type", "application/json")], body: #"{"type": "avro", "schema": {"type": "nope"}, "against": []}"#)
        #expect(bad.status.code == 422)
        #expect(bad.json["issues"]?[0]?["pointer"] == "/type")

        // Protobuf schemas are their .proto text, as strings.
        let protobuf = #"""
            {"type": "protobuf", "mode": "BACKWARD",
             "schema": "syntax = \"proto3\"; message R { string a = 1; }",
             "against": ["syntax = \"proto3\"; message R { int32 a = 1; }"]}
            """#
        let report = fixture.send(.post, "/api/v1/compatibility", token: fixture.outsiderToken,
                                  headers: [("Content-Type", "application/json")], body: protobuf).json
        #expect(report["isCompatible"] == false)
        #expect(report["findings"]?[0]?["rule"] == "protobuf.field-scalar-kind-changed")
        let invalid = fixture.send(.post, "/api/v1/compatibility", token: fixture.outsiderToken, headers: [("Content-Type", "application/json")],
                                   body: #"{"type": "protobuf", "schema": "syntax = \"proto3\";\nmessage R { Missing a = 1; }", "against": []}"#)
        #expect(invalid.status.code == 422)
        #expect(invalid.json["issues"]?[0]?["message"]?.stringValue?.hasPrefix("2:21:") == true, "\(invalid.json)")
    }
}
