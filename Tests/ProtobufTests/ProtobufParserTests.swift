import Testing
@testable import Protobuf

/// The `.proto` parser: the language's constructs, well-known types, and errors with line:column.
struct ProtobufParserTests {
    static let orderSchema = """
        syntax = "proto3";
        package shop.orders.v1;

        import "google/protobuf/timestamp.proto";
        option java_package = "com.example.orders";

        // An order as the shop emits it.
        message Order {
          string id = 1;
          google.protobuf.Timestamp placed_at = 2 [deprecated = true];
          repeated Line lines = 3;
          map<string, int64> quantities = 4;
          Status status = 5;
          oneof payment {
            string card_token = 6;
            Invoice invoice = 7;
          }
          reserved 8, 10 to 12;
          reserved "legacy";
          optional double discount = 13;

          message Line { string sku = 1; uint32 quantity = 2; }
          enum Status { STATUS_UNSPECIFIED = 0; PLACED = 1; SHIPPED = 2; }
        }
        message Invoice { bytes pdf = 1; }
        """

    @Test func parsesMessagesNestedTypesOneofsMapsReservedAndImports() throws {
        let schema = try ProtobufSchema(parsing: Self.orderSchema)
        #expect(schema.file.syntax == .proto3)
        #expect(schema.file.package == "shop.orders.v1")
        #expect(schema.file.imports.map(\.path) == ["google/protobuf/timestamp.proto"])
        #expect(schema.file.options == [ProtobufOption(name: "java_package", value: "\"com.example.orders\"")])
        guard case .message(let order) = schema.file.types[0] else { Issue.record("Order is not a message"); return }
        #expect(order.fields.map(\.name) == ["id", "placed_at", "lines", "quantities", "status", "discount"])
        #expect(order.fields[1].type == .named(written: "google.protobuf.Timestamp", fullName: "google.protobuf.Timestamp"))
        #expect(order.fields[2].type == .named(written: "Line", fullName: "shop.orders.v1.Order.Line"))
        #expect(order.fields[2].label == .repeated)
        #expect(order.fields[3].type == .map(key: .string, value: .scalar(.int64)))
        #expect(order.fields[5].label == .optional)
        #expect(order.oneofs.map(\.name) == ["payment"])
        #expect(order.oneofs[0].fields.map(\.number) == [6, 7])
        #expect(order.oneofs[0].fields[1].type == .named(written: "Invoice", fullName: "shop.orders.v1.Invoice"))
        #expect(order.reservedNumbers == [8...8, 10...12])
        #expect(order.reservedNames == ["legacy"])
        #expect(order.nestedTypes.map(\.name) == ["Line", "Status"])
        #expect(schema.types["google.protobuf.Timestamp"]?.importPath == "google/protobuf/timestamp.proto")
        #expect(schema.types["shop.orders.v1.Order.Status"]?.isEnum == true)
    }

    @Test func parsesProto2LabelsGroupsExtensionsAndServices() throws {
        let schema = try ProtobufSchema(parsing: """
            package legacy;
            import "google/protobuf/descriptor.proto";
            extend google.protobuf.FieldOptions { optional string pii = 50001; }
            message Search {
              required string query = 1 [default = "*", (pii) = "no"];
              optional int32 page = 2 [default = -1];
              repeated group Result = 3 { required string url = 4; }
              extensions 100 to max;
            }
            service Searcher { rpc Find (Search) returns (stream Search) { option deprecated = true; } }
            """)
        #expect(schema.file.syntax == .proto2)
        guard case .message(let search) = schema.file.types[0] else { Issue.record("Search is not a message"); return }
        #expect(search.fields.map(\.label) == [.required, .optional, .repeated])
        #expect(search.fields[0].options.map(\.name) == ["default", "(pii)"])
        #expect(search.fields[1].options[0].value == "-1")
        #expect(search.fields[2].type == .named(written: "Result", fullName: "legacy.Search.Result"))
        #expect(search.extensionRanges == [100...ProtobufField.maximumNumber])
        #expect(schema.file.services[0].methods[0].outputStreams)
    }

    @Test func everyWellKnownTypeParses() throws {
        for path in ProtobufWellKnownTypes.sources.keys.sorted() {
            let schema = try ProtobufSchema(parsing: "syntax = \"proto3\";\nimport \"\(path)\";\n")
            #expect(schema.types.values.contains { $0.importPath == path }, "\(path) defines no type")
        }
        let schema = try ProtobufSchema(parsing: """
            syntax = "proto3";
            import "google/protobuf/struct.proto"; import "google/protobuf/wrappers.proto"; import "google/protobuf/any.proto";
            message Event { google.protobuf.Struct data = 1; google.protobuf.StringValue note = 2; google.protobuf.Any extra = 3; }
            """)
        #expect(schema.types["google.protobuf.NullValue"]?.isEnum == true)
    }

    @Test func namesResolveFromTheInnermostScopeOutwards() throws {
        let schema = try ProtobufSchema(parsing: """
            syntax = "proto3";
            package a.b;
            message Inner { int32 x = 1; }
            message Outer {
              message Inner { string y = 1; }
              Inner near = 1;
              .a.b.Inner far = 2;
              b.Inner relative = 3;
            }
            """)
        guard case .message(let outer) = schema.file.types[1] else { Issue.record("Outer is not a message"); return }
        #expect(outer.fields.map(\.type) == [
            .named(written: "Inner", fullName: "a.b.Outer.Inner"),
            .named(written: ".a.b.Inner", fullName: "a.b.Inner"),
            .named(written: "b.Inner", fullName: "a.b.Inner"),
        ])
    }

    static let refusals: [(String, String, Int, Int, ProtobufSchemaError.Code)] = [
        ("unknown type", "syntax = \"proto3\";\nmessage A {\n  Missing m = 1;\n}", 3, 11, .unknownType),
        ("duplicate number", "syntax = \"proto3\";\nmessage A {\n  int32 a = 1;\n  int32 b = 1;\n}", 4, 9, .invalidDefinition),
        ("reserved number", "syntax = \"proto3\";\nmessage A {\n  reserved 2 to 4;\n  int32 a = 3;\n}", 4, 9, .invalidDefinition),
        ("reserved name", "syntax = \"proto3\";\nmessage A {\n  reserved \"a\";\n  int32 a = 3;\n}", 4, 9, .invalidDefinition),
        ("implementation range", "syntax = \"proto3\";\nmessage A { int32 a = 19500; }", 2, 19, .invalidDefinition),
        ("number zero", "syntax = \"proto3\";\nmessage A { int32 a = 0; }", 2, 19, .invalidDefinition),
        ("required in proto3", "syntax = \"proto3\";\nmessage A { required int32 a = 1; }", 2, 13, .syntax),
        ("proto2 without label", "syntax = \"proto2\";\nmessage A { int32 a = 1; }", 2, 13, .syntax),
        ("proto3 enum not starting at 0", "syntax = \"proto3\";\nenum E { A = 1; }", 2, 6, .invalidDefinition),
        ("enum alias without allow_alias", "syntax = \"proto3\";\nenum E { A = 0; B = 0; }", 2, 17, .invalidDefinition),
        ("float map key", "syntax = \"proto3\";\nmessage A { map<float, string> m = 1; }", 2, 17, .syntax),
        ("missing semicolon", "syntax = \"proto3\";\nmessage A { int32 a = 1 }", 2, 25, .syntax),
        ("unclosed message", "syntax = \"proto3\";\nmessage A { int32 a = 1;", 2, 25, .syntax),
        ("unknown import", "syntax = \"proto3\";\nimport \"other.proto\";", 2, 8, .unknownImport),
        ("bad syntax value", "syntax = \"proto4\";", 1, 10, .syntax),
        ("stray character", "syntax = \"proto3\";\nmessage A { int32 a = 1; } #", 2, 28, .invalidToken),
        ("unclosed string", "syntax = \"proto3;\n", 1, 10, .invalidToken),
        ("unclosed comment", "syntax = \"proto3\";\n/* never closed", 2, 1, .invalidToken),
    ]

    @Test(arguments: refusals)
    func refusesWithLineAndColumn(_ name: String, _ text: String, _ line: Int, _ column: Int, _ code: ProtobufSchemaError.Code) {
        do {
            _ = try ProtobufSchema(parsing: text)
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.code == code, "\(name): \(error)")
            #expect(error.line == line && error.column == column, "\(name): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func limitsBoundSizeDepthAndDefinitions() {
        let deep = "syntax = \"proto3\";\n" + String(repeating: "message A { ", count: 40) + String(repeating: "}", count: 40)
        #expect(throws: ProtobufSchemaError.self) { try ProtobufSchema(parsing: deep) }
        let many = "syntax = \"proto3\";\nmessage A {\n" + (1...50).map { "int32 f\($0) = \($0);" }.joined(separator: "\n") + "}"
        do {
            _ = try ProtobufSchema(parsing: many, limits: ProtobufLimits(maxDefinitions: 20))
            Issue.record("51 definitions accepted under a limit of 20")
        } catch {
            #expect(error.code == .limitExceeded)
        }
        do {
            _ = try ProtobufSchema(parsing: many, limits: ProtobufLimits(maxBytes: 100))
            Issue.record("a long text accepted under a 100-byte limit")
        } catch {
            #expect(error.code == .limitExceeded)
        }
    }

    @Test func referencedFilesResolveImportedTypes() throws {
        let schema = try ProtobufSchema(parsing: """
            syntax = "proto3";
            import "customer.proto";
            message Order { crm.Customer buyer = 1; }
            """, dependencies: ["customer.proto": "syntax = \"proto3\"; package crm; message Customer { string id = 1; }"])
        #expect(schema.types["crm.Customer"]?.importPath == "customer.proto")
        #expect(throws: ProtobufSchemaError.self) {
            try ProtobufSchema(parsing: "syntax = \"proto3\";\nimport \"a.proto\";", dependencies: ["a.proto": "syntax = \"proto3\";\nimport \"a.proto\";"])
        }
    }

    @Test func formattedTextIgnoresLayoutAndReparsesToTheSameFile() throws {
        let schema = try ProtobufSchema(parsing: Self.orderSchema)
        let squeezed = try ProtobufSchema(parsing: Self.orderSchema.split(separator: "\n").filter { !$0.contains("//") }.joined(separator: " "))
        #expect(schema.formattedText == squeezed.formattedText)
        #expect(try ProtobufSchema(parsing: schema.formattedText).formattedText == schema.formattedText)
        let canonical = try ProtobufSchema(parsing: schema.canonicalText)
        #expect(canonical.canonicalText == schema.canonicalText)
        #expect(schema.canonicalText.contains(".shop.orders.v1.Order.Line lines = 3;"))
    }

    @Test func normalizedTextIgnoresFieldOrderAndQualification() throws {
        let one = try ProtobufSchema(parsing: "syntax = \"proto3\";\npackage p;\nmessage M { N b = 2; int32 a = 1; }\nmessage N {}")
        let two = try ProtobufSchema(parsing: "syntax = \"proto3\";\npackage p;\nmessage M { int32 a = 1; .p.N b = 2; }\nmessage N {}")
        #expect(one.formattedText != two.formattedText)
        #expect(one.canonicalText == two.canonicalText)
    }
}
