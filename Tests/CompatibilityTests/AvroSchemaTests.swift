import JSON
import Testing
@testable import Compatibility

/// Parsing Avro schemas: what is refused (with where), named types and the Parsing Canonical Form.
struct AvroSchemaTests {
    @Test(arguments: [
        (#"{"type":"enum","name":"E","symbols":["A","B"],"default":"C"}"#, AvroSchemaError.Code.invalidDefault, "/default"),
        (#"{"type":"record","name":"R","fields":[{"name":"a","type":"int","default":"x"}]}"#, .invalidDefault, "/fields/0/default"),
        (#"{"type":"record","name":"R","fields":[{"name":"a","type":["null","int"],"default":1}]}"#, .invalidDefault, "/fields/0/default"),
        (#"{"type":"record","name":"R","fields":[{"name":"a","type":"int","default":4294967296}]}"#, .invalidDefault, "/fields/0/default"),
        (#"{"type":"record","name":"R","fields":[{"name":"a","type":"Missing"}]}"#, .unknownType, "/fields/0/type"),
        (#"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"long"}]}"#, .duplicateName, "/fields/1/name"),
        (#"["int","int"]"#, .invalidUnion, "/1"),
        (#"["null",["int"]]"#, .invalidUnion, "/1"),
        (#"{"type":"record","name":"1R","fields":[]}"#, .invalidName, "/name"),
        (#"{"type":"fixed","name":"F","size":-1}"#, .invalidSchema, "/size"),
        (#"{"type":"bytes","logicalType":"decimal","precision":4,"scale":5}"#, .invalidLogicalType, "/scale"),
        (#"{"type":"fixed","name":"F","size":2,"logicalType":"decimal","precision":5}"#, .invalidLogicalType, "/precision"),
        (#"{"type":"string","logicalType":"date"}"#, .invalidLogicalType, "/logicalType"),
        (#"{"type":"record","name":"R","fields":[{"name":"a","type":{"type":"enum","name":"R","symbols":["X"]}}]}"#, .duplicateName, "/fields/0/type/name"),
        (#"{"type":"map"}"#, .invalidSchema, "/values"),
        (#"42"#, .invalidSchema, ""),
    ])
    func invalidSchemasAreRefusedWithAPointer(text: String, code: AvroSchemaError.Code, pointer: String) {
        #expect(throws: AvroSchemaError.self) { try AvroSchema(parsing: text) }
        do {
            _ = try AvroSchema(parsing: text)
        } catch {
            #expect(error.code == code)
            #expect(error.pointer.description == pointer, "\(error)")
        }
    }

    @Test func canonicalFormUsesFullNamesAndDropsAttributes() throws {
        let schema = try AvroSchema(parsing: """
            {"type":"record","name":"Foo","namespace":"x.y","doc":"d","aliases":["Bar"],
             "fields":[{"name":"a","type":{"type":"int","logicalType":"date"},"default":1,"doc":"f"},
                       {"name":"b","type":"Foo"},{"name":"c","type":{"type":"enum","name":"E","symbols":["P"]}},
                       {"name":"d","type":{"type":"map","values":{"type":"fixed","name":"z.F","size":4}}},
                       {"name":"e","type":["null",{"type":"array","items":"x.y.E"}]}]}
            """)
        #expect(schema.canonicalForm == #"{"name":"x.y.Foo","type":"record","fields":[{"name":"a","type":"int"},{"name":"b","type":"x.y.Foo"},"#
            + #"{"name":"c","type":{"name":"x.y.E","type":"enum","symbols":["P"]}},"#
            + #"{"name":"d","type":{"type":"map","values":{"name":"z.F","type":"fixed","size":4}}},"#
            + #"{"name":"e","type":["null",{"type":"array","items":"x.y.E"}]}]}"#)
        #expect(try AvroSchema(parsing: #"{"type":"string"}"#).canonicalForm == #""string""#)
    }

    @Test func namesResolveAgainstTheEnclosingNamespace() throws {
        let schema = try AvroSchema(parsing: """
            {"type":"record","name":"a.b.Outer","fields":[
              {"name":"inner","type":{"type":"record","name":"Inner","fields":[]}},
              {"name":"again","type":"Inner"},{"name":"full","type":"a.b.Inner"}]}
            """)
        guard case .record(let outer) = schema.rootNode.kind else { Issue.record("not a record"); return }
        #expect(outer.named.name.fullName == "a.b.Outer")
        #expect(outer.fields[1].type == outer.fields[0].type)
        #expect(outer.fields[2].type == outer.fields[0].type)
        #expect(schema.nodes[outer.fields[0].type].kind.named?.name.fullName == "a.b.Inner")
    }

    @Test func logicalTypesAreRead() throws {
        let decimal = try AvroSchema(parsing: #"{"type":"fixed","name":"D","size":16,"logicalType":"decimal","precision":38,"scale":9}"#)
        #expect(decimal.rootNode.logicalType == .decimal(precision: 38, scale: 9))
        #expect(try AvroSchema(parsing: #"{"type":"long","logicalType":"timestamp-micros"}"#).rootNode.logicalType == .timestampMicros)
        #expect(try AvroSchema(parsing: #"{"type":"fixed","name":"Dur","size":12,"logicalType":"duration"}"#).rootNode.logicalType == .duration)
        #expect(try AvroSchema(parsing: #"{"type":"string","logicalType":"uuid"}"#).rootNode.logicalType == .uuid)
        #expect(try AvroSchema(parsing: #"{"type":"int","logicalType":"my-type"}"#).rootNode.logicalType == .other("my-type"))
    }

    @Test func validDefaultsAreAccepted() throws {
        _ = try AvroSchema(parsing: """
            {"type":"record","name":"R","fields":[
              {"name":"a","type":["null","string"],"default":null},
              {"name":"b","type":{"type":"array","items":"long"},"default":[1,2]},
              {"name":"c","type":{"type":"map","values":"double"},"default":{"x":1.5,"y":2}},
              {"name":"d","type":{"type":"fixed","name":"F","size":2},"default":"\\u00ff\\u0000"},
              {"name":"e","type":{"type":"record","name":"S","fields":[{"name":"x","type":"int","default":0}]},"default":{}},
              {"name":"f","type":{"type":"enum","name":"E","symbols":["A"]},"default":"A"}]}
            """)
    }

    /// Every prefix of a valid schema either parses or is refused with an error; nothing traps.
    @Test func truncatedSchemasAreRefusedCleanly() {
        let text = #"{"type":"record","name":"R","namespace":"n","fields":[{"name":"a","type":["null",{"type":"enum","name":"E","symbols":["X","Y"],"default":"X"}],"default":null},{"name":"b","type":{"type":"array","items":"R"}}]}"#
        let bytes = Array(text.utf8)
        var refused = 0
        for length in 0..<bytes.count {
            if (try? AvroSchema(parsing: String(decoding: bytes[..<length], as: UTF8.self))) == nil { refused += 1 }
        }
        #expect(refused == bytes.count)
        #expect((try? AvroSchema(parsing: text)) != nil)
    }

    /// Random single-byte mutations never trap the parser, and every schema that still parses reads itself.
    @Test func mutatedSchemasNeverTrap() {
        let text = Array(#"{"type":"record","name":"R","fields":[{"name":"a","type":{"type":"map","values":["int","string"]},"default":{}}]}"#.utf8)
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]",:0123456789abcdefnulrtyp"#.utf8)
        for _ in 0..<500 {
            var mutated = text
            mutated[Int.random(in: 0..<mutated.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            if let schema = try? AvroSchema(parsing: String(decoding: mutated, as: UTF8.self)) {
                #expect(AvroCompatibilityChecker().check(new: schema, against: [schema], mode: .full).findings.isEmpty)
            }
        }
    }
}
