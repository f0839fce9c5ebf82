import HTTPProtocol
import JSON
import Protobuf
import Testing

/// Protobuf subjects on /apis/ccompat/v7: register, look up, check, normalize and refuse.
@Suite struct ConfluentProtobufAPITests {
    static let v1 = """
        syntax = "proto3";
        package shop.v1;
        // An order.
        message Order {
          string id = 1;
          int32 quantity = 2;
        }
        """
    /// v1 with another layout and no comment: the same schema.
    static let v1Relaid = "syntax = \"proto3\"; package shop.v1; message Order { string id = 1; int32 quantity = 2; }"
    /// v1 with its fields in another order: the same schema once normalized.
    static let v1Reordered = "syntax = \"proto3\"; package shop.v1; message Order { int32 quantity = 2; string id = 1; }"
    /// Adds a field and widens quantity: BACKWARD compatible.
    static let v2 = "syntax = \"proto3\"; package shop.v1; message Order { string id = 1; int64 quantity = 2; string note = 3; }"
    /// Makes quantity a string: breaks BACKWARD.
    static let v3 = "syntax = \"proto3\"; package shop.v1; message Order { string id = 1; string quantity = 2; string note = 3; }"

    static func body(_ schema: String) -> String { ConfluentAPITests.body(schema, type: "PROTOBUF") }

    @Test func registersLooksUpAndServesProtobufSchemas() throws {
        let fixture = try APIFixture()
        let registered = fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v1))
        #expect(registered.status.code == 200)
        let id = try #require(registered.json["id"]?.integerValue)
        #expect(fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v1Relaid)).json["id"] == .integer(id),
                "layout and comments do not make a new schema")
        #expect(fixture.ccompat(.get, "/subjects/orders-proto-value/versions").json == [1])
        let read = fixture.ccompat(.get, "/subjects/orders-proto-value/versions/latest").json
        #expect(read["schemaType"] == "PROTOBUF")
        #expect(read["schema"] == .string(Self.v1))
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id)").json["schemaType"] == "PROTOBUF")
        let lookup = fixture.ccompat(.post, "/subjects/orders-proto-value", body: Self.body(Self.v1Relaid)).json
        #expect(lookup["id"] == .integer(id))
        #expect(lookup["version"] == 1)
        #expect(fixture.ccompat(.post, "/subjects/orders-proto-value", body: Self.body(Self.v1Reordered)).json["error_code"] == 40403)
        let normalized = fixture.ccompat(.post, "/subjects/orders-proto-value?normalize=true", body: Self.body(Self.v1Reordered)).json
        #expect(normalized["id"] == .integer(id), "normalize=true matches by the normalized text")
    }

    @Test func servesProtobufTextAsADescriptorWhenAskedForTheSerializedFormat() throws {
        let fixture = try APIFixture()
        let id = try #require(fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v1)).json["id"]?.integerValue)
        let serialized = try #require(fixture.ccompat(.get, "/schemas/ids/\(id)?format=serialized").json["schema"]?.stringValue)
        #expect(serialized != Self.v1)
        #expect(try ProtobufSchema(parsing: serialized).canonicalText == ProtobufSchema(parsing: Self.v1).canonicalText)
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id)").json["schema"] == .string(Self.v1), "the stored text without ?format")
        let version = fixture.ccompat(.get, "/subjects/orders-proto-value/versions/latest?format=serialized").json
        #expect(version["schema"] == .string(serialized))
        // A schema registered as a descriptor is served as sent.
        let id2 = try #require(fixture.ccompat(.post, "/subjects/other-proto-value/versions", body: Self.body(try ProtobufSchema(parsing: Self.v2).descriptorBase64)).json["id"]?.integerValue)
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id2)?format=serialized").json["schema"] == .string(try ProtobufSchema(parsing: Self.v2).descriptorBase64))
    }

    @Test func checksCompatibilityWithConfluentsRules() throws {
        let fixture = try APIFixture()
        _ = fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v1))
        let compatible = fixture.ccompat(.post, "/compatibility/subjects/orders-proto-value/versions/latest?verbose=true", body: Self.body(Self.v2)).json
        #expect(compatible["is_compatible"] == true)
        #expect(fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v2)).json["id"] != nil)
        let test = fixture.ccompat(.post, "/compatibility/subjects/orders-proto-value/versions/latest?verbose=true", body: Self.body(Self.v3)).json
        #expect(test["is_compatible"] == false)
        #expect((test["messages"]?.arrayValue ?? []).contains { $0.stringValue?.contains("/Order/2") == true })
        let refused = fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v3))
        #expect(refused.status.code == 409)
        #expect(refused.json["message"]?.stringValue?.contains("protobuf.field-scalar-kind-changed") == true)
        let avro = fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: ConfluentAPITests.body(ConfluentAPITests.v1))
        #expect(avro.json["error_code"] == 409, "a subject cannot change its schema type")
        _ = fixture.ccompat(.put, "/config/orders-proto-value", body: #"{"compatibility":"NONE"}"#)
        #expect(fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body(Self.v3)).status.code == 200)
    }

    @Test func refusesInvalidProtobufWithLineAndColumn() throws {
        let fixture = try APIFixture()
        let invalid = fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body("syntax = \"proto3\";\nmessage Order {\n  Missing m = 1;\n}"))
        #expect(invalid.status.code == 422)
        #expect(invalid.json["error_code"] == 42201)
        #expect(invalid.json["message"]?.stringValue?.contains("3:11") == true)
        let unknownImport = fixture.ccompat(.post, "/subjects/orders-proto-value/versions", body: Self.body("syntax = \"proto3\";\nimport \"other.proto\";"))
        #expect(unknownImport.json["error_code"] == 42201)
        #expect(unknownImport.json["message"]?.stringValue?.contains("other.proto") == true)
    }
}
