import Testing
@testable import Protobuf

/// Schemas sent as a base64 FileDescriptorProto, as Confluent's serializers register them.
struct ProtobufDescriptorTests {
    static let text = """
        syntax = "proto3";
        package shop.v1;
        import "google/protobuf/timestamp.proto";
        message Order {
          string id = 1;
          google.protobuf.Timestamp placed_at = 2;
          map<string, int64> quantities = 3;
          oneof payment {
            string card_token = 4;
            Invoice invoice = 5;
          }
          optional double discount = 6;
          repeated Line lines = 7;
          Status status = 8;
          reserved 9, 11 to 13;
          reserved "legacy";
          message Line { string sku = 1; uint32 quantity = 2; }
          enum Status { STATUS_UNSPECIFIED = 0; PLACED = 1; }
        }
        message Invoice { bytes pdf = 1; }
        """

    /// `text` compiled by protoc 1.85.4 (grpcio-tools): the FileDescriptorProto from
    /// `--descriptor_set_out`, base64-encoded as the Python serializer sends it.
    static let descriptor = "CgtvcmRlci5wcm90bxIHc2hvcC52MRofZ29vZ2xlL3Byb3RvYnVmL3RpbWVzdGFtcC5wcm90byKpBAoFT3JkZXISDgoCaWQYASABKAlSAmlkEjcKCXBsYWNlZF9hdBgCIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBSCHBsYWNlZEF0Ej4KCnF1YW50aXRpZXMYAyADKAsyHi5zaG9wLnYxLk9yZGVyLlF1YW50aXRpZXNFbnRyeVIKcXVhbnRpdGllcxIfCgpjYXJkX3Rva2VuGAQgASgJSABSCWNhcmRUb2tlbhIsCgdpbnZvaWNlGAUgASgLMhAuc2hvcC52MS5JbnZvaWNlSABSB2ludm9pY2USHwoIZGlzY291bnQYBiABKAFIAVIIZGlzY291bnSIAQESKQoFbGluZXMYByADKAsyEy5zaG9wLnYxLk9yZGVyLkxpbmVSBWxpbmVzEi0KBnN0YXR1cxgIIAEoDjIVLnNob3AudjEuT3JkZXIuU3RhdHVzUgZzdGF0dXMaPQoPUXVhbnRpdGllc0VudHJ5EhAKA2tleRgBIAEoCVIDa2V5EhQKBXZhbHVlGAIgASgDUgV2YWx1ZToCOAEaNAoETGluZRIQCgNza3UYASABKAlSA3NrdRIaCghxdWFudGl0eRgCIAEoDVIIcXVhbnRpdHkiLAoGU3RhdHVzEhYKElNUQVRVU19VTlNQRUNJRklFRBAAEgoKBlBMQUNFRBABQgkKB3BheW1lbnRCCwoJX2Rpc2NvdW50SgQICRAKSgQICxAOUgZsZWdhY3kiGwoHSW52b2ljZRIQCgNwZGYYASABKAxSA3BkZmIGcHJvdG8z"

    @Test func aDescriptorReadsAsTheSameSchemaAsItsSource() throws {
        let decoded = try ProtobufSchema(parsing: Self.descriptor)
        let parsed = try ProtobufSchema(parsing: Self.text)
        #expect(decoded.canonicalText == parsed.canonicalText)
        guard case .message(let order) = decoded.file.types[0] else { Issue.record("Order is not a message"); return }
        #expect(order.fields.first { $0.name == "quantities" }?.type == .map(key: .string, value: .scalar(.int64)), "the map entry becomes a map")
        #expect(order.fields.first { $0.name == "discount" }?.label == .optional, "the synthetic oneof of proto3 optional is dropped")
        #expect(order.oneofs.map(\.name) == ["payment"])
    }

    @Test func brokenDescriptorsAreRefused() {
        for broken in ["CgtvcmRlci5wcm90bxIHc2hvcC52MRofZ29vZ2xl", "////", "QQ=A"] {
            #expect(throws: ProtobufSchemaError.self, "\(broken)") { try ProtobufSchema(parsing: broken) }
        }
    }
}
