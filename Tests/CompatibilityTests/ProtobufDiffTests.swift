import Protobuf
import Testing
@testable import Compatibility

/// The Protobuf diff where it follows types the index resolved: message types of references and
/// of map values, fields declared out of order, and the oneof and enum rules outside Confluent's
/// recorded cases. Each list is every difference Confluent's diff names, in the walk's order.
struct ProtobufDiffTests {
    static func changes(_ original: String, _ update: String, originalDependencies: [String: String] = [:],
                        updateDependencies: [String: String] = [:]) throws -> [String] {
        let original = try ProtobufSchema(parsing: original, dependencies: originalDependencies)
        let update = try ProtobufSchema(parsing: update, dependencies: updateDependencies)
        return ProtobufCompatibilityChecker().confluentChanges(reader: update, writer: original)
    }

    @Test func aReferencedMessageIsComparedThroughTheFieldsUsingIt() throws {
        let order = "syntax = \"proto3\";\npackage shop;\nimport \"customer.proto\";\nmessage Order { string id = 1; crm.Customer buyer = 2; repeated crm.Customer contacts = 3; }"
        let customer = "syntax = \"proto3\"; package crm; message Customer { string id = 1; }"
        let renumbered = "syntax = \"proto3\"; package crm; message Customer { int64 id = 1; string name = 2; }"
        #expect(try Self.changes(order, order, originalDependencies: ["customer.proto": customer], updateDependencies: ["customer.proto": customer]).isEmpty)
        // The pair is compared once: the second field reuses the verdict, the path is the type's own.
        #expect(try Self.changes(order, order, originalDependencies: ["customer.proto": customer], updateDependencies: ["customer.proto": renumbered])
                == ["FIELD_SCALAR_KIND_CHANGED #/Customer/1", "FIELD_ADDED #/Customer/2", "FIELD_NAMED_TYPE_CHANGED #/Order/2", "FIELD_NAMED_TYPE_CHANGED #/Order/3"])
        // Another type of the same local name in another package is the same type to Confluent.
        let moved = "syntax = \"proto3\"; package people; message Customer { string id = 1; }"
        let orderOfMoved = order.replacingOccurrences(of: "crm.Customer", with: "people.Customer")
        #expect(try Self.changes(order, orderOfMoved, originalDependencies: ["customer.proto": customer], updateDependencies: ["customer.proto": moved]).isEmpty)
    }

    @Test func mapKeysAndMessageValuesAreCompared() throws {
        let v1 = "syntax = \"proto3\";\nmessage Cart { map<int32, Line> lines = 1; map<string, int32> counts = 2; message Line { int32 quantity = 1; } }"
        let v2 = "syntax = \"proto3\";\nmessage Cart { map<string, Line> lines = 1; map<string, Line> counts = 2; message Line { string quantity = 1; } }"
        #expect(try Self.changes(v1, v2) == [
            "FIELD_SCALAR_KIND_CHANGED #/Cart/1",
            "FIELD_SCALAR_KIND_CHANGED #/Cart/Line/1", "FIELD_NAMED_TYPE_CHANGED #/Cart/1",
            "FIELD_KIND_CHANGED #/Cart/2",
        ])
        let scalarToMap = "syntax = \"proto3\";\nmessage Cart { map<int32, Line> lines = 1; int32 counts = 2; message Line { int32 quantity = 1; } }"
        #expect(try Self.changes(v1, scalarToMap) == ["FIELD_KIND_CHANGED #/Cart/2"])
    }

    @Test func fieldsAreMatchedByNumberHoweverTheyAreDeclared() throws {
        let declaredInOrder = "syntax = \"proto3\";\nmessage M { int32 a = 1; string b = 2; bytes c = 3; }"
        let declaredBackwards = "syntax = \"proto3\";\nmessage M { bytes c = 3; string renamed = 2; int32 a = 1; int64 d = 4; }"
        #expect(try Self.changes(declaredInOrder, declaredBackwards) == ["FIELD_NAME_CHANGED #/M/2", "FIELD_ADDED #/M/4"])
        #expect(try Self.changes(declaredBackwards, declaredInOrder) == ["FIELD_NAME_CHANGED #/M/2", "FIELD_REMOVED #/M/4"])
    }

    @Test func oneofAndEnumRulesOutsideTheRecordedCases() throws {
        let v1 = """
            syntax = "proto3";
            message Payment {
              string note = 1;
              oneof method { string card = 2; string iban = 3; }
              oneof channel { string web = 4; }
              enum Kind { KIND_UNSPECIFIED = 0; KIND_CARD = 1; }
            }
            """
        let v2 = """
            syntax = "proto3";
            message Payment {
              oneof method { string card = 2; string iban = 3; string note = 1; }
              string web = 4;
              enum Kind { KIND_UNSPECIFIED = 0; KIND_TRANSFER = 2; }
            }
            """
        #expect(try Self.changes(v1, v2) == [
            "FIELD_MOVED_TO_EXISTING_ONEOF #/Payment/method",
            "ONEOF_FIELD_ADDED #/Payment/method/1",
            "ONEOF_REMOVED #/Payment/channel",
            "FIELD_ADDED #/Payment/4",
            "ENUM_CONST_REMOVED #/Payment/Kind/1", "ENUM_CONST_ADDED #/Payment/Kind/2",
        ])
    }
}
