import Foundation
import Testing
@testable import Protobuf

/// Schemas sent as a base64 FileDescriptorProto, as Confluent's serializers register them.
struct ProtobufDescriptorTests {
    /// The schema the interop test serializes with, as `.proto` text.
    static let text: String = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Interop/protobuf/order.proto")
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }()

    /// `text` compiled by the protoc of grpcio-tools 1.85.4: the FileDescriptorProto from
    /// `--descriptor_set_out`, base64-encoded as the Python serializer sends it.
    static let descriptor = "CgtvcmRlci5wcm90bxIHc2hvcC52MRofZ29vZ2xlL3Byb3RvYnVmL3RpbWVzdGFtcC5wcm90byKpBAoFT3JkZXISDgoCaWQYASABKAlSAmlkEjcKCXBsYWNlZF9hdBgCIAEoCzIaLmdvb2dsZS5wcm90b2J1Zi5UaW1lc3RhbXBSCHBsYWNlZEF0Ej4KCnF1YW50aXRpZXMYAyADKAsyHi5zaG9wLnYxLk9yZGVyLlF1YW50aXRpZXNFbnRyeVIKcXVhbnRpdGllcxIfCgpjYXJkX3Rva2VuGAQgASgJSABSCWNhcmRUb2tlbhIsCgdpbnZvaWNlGAUgASgLMhAuc2hvcC52MS5JbnZvaWNlSABSB2ludm9pY2USHwoIZGlzY291bnQYBiABKAFIAVIIZGlzY291bnSIAQESKQoFbGluZXMYByADKAsyEy5zaG9wLnYxLk9yZGVyLkxpbmVSBWxpbmVzEi0KBnN0YXR1cxgIIAEoDjIVLnNob3AudjEuT3JkZXIuU3RhdHVzUgZzdGF0dXMaPQoPUXVhbnRpdGllc0VudHJ5EhAKA2tleRgBIAEoCVIDa2V5EhQKBXZhbHVlGAIgASgDUgV2YWx1ZToCOAEaNAoETGluZRIQCgNza3UYASABKAlSA3NrdRIaCghxdWFudGl0eRgCIAEoDVIIcXVhbnRpdHkiLAoGU3RhdHVzEhYKElNUQVRVU19VTlNQRUNJRklFRBAAEgoKBlBMQUNFRBABQgkKB3BheW1lbnRCCwoJX2Rpc2NvdW50SgQICRAKSgQICxAOUgZsZWdhY3kiGwoHSW52b2ljZRIQCgNwZGYYASABKAxSA3BkZmIGcHJvdG8z"

    @Test func aDescriptorReadsAsTheSameSchemaAsItsSource() throws {
        #expect(Self.text.contains("message Order"), "Tests/Interop/protobuf/order.proto is readable")
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

    @Test func encodedDescriptorsDecodeToTheSameSchema() throws {
        // Descriptors carry no options but allow_alias here, so the second schema has no others.
        let proto2 = """
            syntax = "proto2";
            package legacy;
            message A { required int32 x = 1; optional string y = 2; repeated B b = 3; map<string, B> item_counts = 4; extensions 100 to 199; }
            message B { optional E e = 1; }
            enum E { option allow_alias = true; X = 0; Y = 0; reserved 5 to 7; }
            """
        for text in [Self.text, proto2] {
            let schema = try ProtobufSchema(parsing: text)
            let encoded = schema.descriptorBase64
            #expect(ProtobufDescriptorDecoder.looksLikeBase64(encoded))
            let decoded = try ProtobufSchema(parsing: encoded)
            #expect(decoded.canonicalText == schema.canonicalText, "\(decoded.canonicalText)\n---\n\(schema.canonicalText)")
        }
        #expect(ProtobufDescriptorEncoder.entryName("item_counts") == "ItemCountsEntry")
    }

    @Test func base64RoundTripsEveryLength() {
        for length in 0...7 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 97 + 200) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes, "\(length) bytes")
        }
        #expect(Base64.encode(Array("Man".utf8)) == "TWFu")
        #expect(Base64.encode(Array("Ma".utf8)) == "TWE=")
    }
}
