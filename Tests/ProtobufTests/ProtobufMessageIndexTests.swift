import Testing
@testable import Protobuf

/// The message index a compatibility check walks: every visible message numbered, fields in
/// number order, field types resolved to the messages they name.
struct ProtobufMessageIndexTests {
    static let schema = """
        syntax = "proto3";
        package shop.v1;
        import "customer.proto";
        enum Status { STATUS_UNSPECIFIED = 0; }
        message Order {
          Line first = 3;
          string id = 1;
          crm.Customer buyer = 2;
          map<string, Line> lines = 5;
          oneof payment { string card = 7; Status status = 6; }
          message Line { int64 quantity = 1; }
          enum Kind { KIND_UNSPECIFIED = 0; }
        }
        message Empty {}
        """
    static let customer = "syntax = \"proto3\"; package crm; message Customer { string id = 1; message Address {} }"

    @Test func numbersEveryVisibleMessageAndResolvesFieldTypesToThem() throws {
        let index = try ProtobufSchema(parsing: Self.schema, dependencies: ["customer.proto": Self.customer]).messageIndex
        // Own and imported messages, nested ones too; paths leave out each file's package.
        #expect(index.messages.map(\.path).sorted { $0.lexicographicallyPrecedes($1) }
                == [["Customer"], ["Customer", "Address"], ["Empty"], ["Order"], ["Order", "Line"]])
        func number(_ path: [String]) throws -> Int { try #require(index.messages.firstIndex { $0.path == path }) }
        #expect(index.scopeMessages[index.topLevelMessages].map { index.messages[$0].name } == ["Order", "Empty"])

        let order = index.messages[try number(["Order"])]
        #expect(index.scopeMessages[order.nestedMessages].map { index.messages[$0].name } == ["Line"])
        #expect(order.nestedEnums.map(\.name) == ["Kind"])
        // Top-level fields in order of number, then the oneof's in declaration order.
        #expect(index.fieldNames[order.topLevelFields] == ["id", "buyer", "first", "lines"])
        #expect(index.fieldNames[order.allFields] == ["id", "buyer", "first", "lines", "card", "status"])
        #expect(index.oneofs[order.oneofs].map(\.name) == ["payment"])
        #expect(index.oneofs[order.oneofs].map { index.fieldNames[$0.fields] } == [["card", "status"]])

        let fields = Array(index.fields[order.allFields])
        let line = try number(["Order", "Line"])
        #expect(fields.map(\.number) == [1, 2, 3, 5, 7, 6])
        #expect(fields.map { $0.mapKey } == [nil, nil, nil, .string, nil, nil])
        #expect(fields.map { Self.describe($0.type) } == ["string", "message \(try number(["Customer"]))", "message \(line)", "message \(line)", "string", "enum"])
    }

    static func describe(_ type: ProtobufMessageIndex.ValueType) -> String {
        switch type {
        case .scalar(let scalar): scalar.rawValue
        case .enumeration: "enum"
        case .message(let number): "message \(number)"
        }
    }
}
