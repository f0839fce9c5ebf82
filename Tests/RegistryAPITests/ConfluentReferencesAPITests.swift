import Foundation
import HTTPProtocol
import JSON
import Protobuf
import Registry
import SQLite
import Testing

/// Confluent schema references under /apis/ccompat/v7: Avro named types, JSON Schema `$ref`s and
/// Protobuf imports resolved through `references`; `referencedby`; 42206 on deleting a referenced
/// version; 42201 for references that resolve to nothing.
@Suite struct ConfluentReferencesAPITests {
    static let address = #"{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"street","type":"string"}]}"#
    /// Adds a field without a default: a reader of this version cannot read v1's data.
    static let addressWithCity = #"{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"street","type":"string"},{"name":"city","type":"string"}]}"#
    static let customer = #"{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"id","type":"string"},{"name":"home","type":"com.acme.Address"}]}"#

    static func body(_ schema: String, type: String? = nil, references: [(String, String, Int)] = []) -> String {
        var object: JSONObject = ["schema": .string(schema)]
        if let type { object["schemaType"] = .string(type) }
        if !references.isEmpty {
            object["references"] = .array(references.map { ["name": .string($0.0), "subject": .string($0.1), "version": .integer(Int64($0.2))] })
        }
        return JSONValue.object(object).encoded()
    }

    static func id(_ response: HTTPResponse) throws -> Int64 {
        try #require(response.json["id"]?.integerValue, "\(response.status.code) \(String(decoding: response.body, as: UTF8.self))")
    }

    @Test func avroNamedTypesResolveThroughReferencesAndAreServedWithThem() throws {
        let fixture = try APIFixture()
        let addressID = try Self.id(fixture.ccompat(.post, "/subjects/address-value/versions", body: Self.body(Self.address)))
        let reference = [("com.acme.Address", "address-value", 1)]
        let customerID = try Self.id(fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: reference)))
        #expect(customerID != addressID)
        let expected: JSONValue = [["name": "com.acme.Address", "subject": "address-value", "version": 1]]
        #expect(fixture.ccompat(.get, "/subjects/customer-value/versions/1").json["references"] == expected)
        #expect(fixture.ccompat(.get, "/schemas/ids/\(customerID)").json["references"] == expected)
        #expect(fixture.ccompat(.get, "/schemas/ids/\(addressID)").json["references"] == nil, "no references, no field, as Confluent serves it")

        // Same schema and references: same id, also with -1 (the latest version) and in another subject.
        #expect(try Self.id(fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: reference))) == customerID)
        #expect(try Self.id(fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: [("com.acme.Address", "address-value", -1)]))) == customerID)
        #expect(try Self.id(fixture.ccompat(.post, "/subjects/customer-copy/versions", body: Self.body(Self.customer, references: reference))) == customerID)
        #expect(fixture.ccompat(.get, "/subjects/customer-value/versions").json == [1])

        let lookup = fixture.ccompat(.post, "/subjects/customer-value", body: Self.body(Self.customer, references: reference)).json
        #expect(lookup["id"] == .integer(customerID))
        #expect(lookup["references"] == expected)
        let unresolved = fixture.ccompat(.post, "/subjects/customer-value", body: Self.body(Self.customer))
        #expect(unresolved.json["error_code"] == 42201, "without the reference the named type is unknown")
        #expect(unresolved.json["message"]?.stringValue?.contains("com.acme.Address") == true)
    }

    @Test func referencedTypesTakePartInCompatibilityAndIdentity() throws {
        let fixture = try APIFixture()
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-value/versions", body: Self.body(Self.address)))
        let v1 = try Self.id(fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: [("com.acme.Address", "address-value", 1)])))
        #expect(fixture.ccompat(.put, "/config/address-value", body: #"{"compatibility":"NONE"}"#).status.code == 200)
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-value/versions", body: Self.body(Self.addressWithCity)))

        // The customer text is unchanged, but the Address it reads now needs `city`: BACKWARD refuses it.
        let newer = Self.body(Self.customer, references: [("com.acme.Address", "address-value", 2)])
        let test = fixture.ccompat(.post, "/compatibility/subjects/customer-value/versions/latest?verbose=true", body: newer).json
        #expect(test["is_compatible"] == false)
        #expect(test["messages"]?.arrayValue?.contains { $0.stringValue?.contains("city") == true } == true)
        let refused = fixture.ccompat(.post, "/subjects/customer-value/versions", body: newer)
        #expect(refused.status.code == 409)
        #expect(fixture.ccompat(.post, "/compatibility/subjects/customer-value/versions/latest",
                                body: Self.body(Self.customer, references: [("com.acme.Address", "address-value", 1)])).json["is_compatible"] == true)

        // Under NONE the same text with the newer reference is a new schema id and version.
        #expect(fixture.ccompat(.put, "/config/customer-value", body: #"{"compatibility":"NONE"}"#).status.code == 200)
        let v2 = try Self.id(fixture.ccompat(.post, "/subjects/customer-value/versions", body: newer))
        #expect(v2 != v1)
        #expect(fixture.ccompat(.get, "/subjects/customer-value/versions").json == [1, 2])
    }

    @Test func referencedVersionsCannotBeDeletedAndListTheirReferrers() throws {
        let fixture = try APIFixture()
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-value/versions", body: Self.body(Self.address)))
        #expect(fixture.ccompat(.get, "/subjects/address-value/versions/1/referencedby").json == [])
        let customerID = try Self.id(fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: [("com.acme.Address", "address-value", 1)])))
        #expect(fixture.ccompat(.get, "/subjects/address-value/versions/1/referencedby").json == [.integer(customerID)])
        #expect(fixture.ccompat(.get, "/subjects/address-value/versions/latest/referencedby").json == [.integer(customerID)])

        for path in ["/subjects/address-value/versions/1", "/subjects/address-value"] {
            let refused = fixture.ccompat(.delete, path)
            #expect(refused.status.code == 422)
            #expect(refused.json["error_code"] == 42206)
            #expect(refused.json["message"]?.stringValue?.contains("subject=address-value, version=1") == true)
        }
        #expect(fixture.ccompat(.get, "/subjects/address-value/versions").json == [1], "nothing was deleted")

        // Soft-deleting the referrer hides it from referencedby, but still blocks the delete until it is gone for good.
        #expect(fixture.ccompat(.delete, "/subjects/customer-value/versions/1").status.code == 200)
        #expect(fixture.ccompat(.get, "/subjects/address-value/versions/1/referencedby").json == [])
        #expect(fixture.ccompat(.get, "/subjects/address-value/versions/1/referencedby?deleted=true").json == [.integer(customerID)])
        #expect(fixture.ccompat(.delete, "/subjects/address-value/versions/1").json["error_code"] == 42206)
        #expect(fixture.ccompat(.delete, "/subjects/customer-value/versions/1?permanent=true").status.code == 200)
        #expect(fixture.ccompat(.delete, "/subjects/address-value/versions/1").status.code == 200)
        #expect(fixture.ccompat(.delete, "/subjects/address-value/versions/1?permanent=true").status.code == 200)
    }

    @Test(arguments: [
        ([("com.acme.Address", "nowhere-value", 1)], "names subject 'nowhere-value' version 1, which does not exist"),
        ([("com.acme.Address", "address-value", 7)], "names subject 'address-value' version 7, which does not exist"),
        ([("com.acme.Address", "nowhere-value", -1)], "names subject 'nowhere-value' any live version, which does not exist"),
        ([("com.acme.Address", "address-value", 1), ("com.acme.Address", "address-value", 1)], "/references/1/name repeats the reference name"),
        ([("com.acme.Address", "address-value", 0)], "/references/0/version must be a version number"),
        ([("com.acme.Address", "json-value", 1)], "a JSON schema; a AVRO schema can only reference AVRO schemas"),
    ])
    func unresolvableReferencesAreRefusedNamingThem(references: [(String, String, Int)], message: String) throws {
        let fixture = try APIFixture()
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-value/versions", body: Self.body(Self.address)))
        _ = try Self.id(fixture.ccompat(.post, "/subjects/json-value/versions", body: Self.body(#"{"type":"object"}"#, type: "JSON")))
        let refused = fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: references))
        #expect(refused.status.code == 422)
        #expect(refused.json["error_code"] == 42201)
        #expect(refused.json["message"]?.stringValue?.contains(message) == true, "\(refused.json["message"] ?? .null)")
        #expect(fixture.ccompat(.get, "/subjects/customer-value/versions").json["error_code"] == 40401)
    }

    @Test func tooManyReferencesAreRefused() throws {
        let fixture = try APIFixture()
        let limit = SchemaReferenceLimits().maximumReferences
        let references = (0...limit).map { ("name\($0)", "address-value", 1) }
        let refused = fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: references))
        #expect(refused.json["error_code"] == 42201)
        #expect(refused.json["message"]?.stringValue?.contains("at most \(limit)") == true)
    }

    @Test func chainsDeeperThanTheLimitAndCyclesAreRefused() throws {
        let fixture = try APIFixture()
        let depth = SchemaReferenceLimits().maximumDepth
        func level(_ index: Int) -> String {
            let field = index == 0 ? #"{"name":"v","type":"int"}"# : #"{"name":"inner","type":"chain.T\#(index - 1)"}"#
            return #"{"type":"record","name":"T\#(index)","namespace":"chain","fields":[\#(field)]}"#
        }
        for index in 0...depth {
            let references = index == 0 ? [] : [("chain.T\(index - 1)", "chain-\(index - 1)", 1)]
            #expect(fixture.ccompat(.post, "/subjects/chain-\(index)/versions", body: Self.body(level(index), references: references)).status.code == 200)
        }
        let tooDeep = fixture.ccompat(.post, "/subjects/chain-\(depth + 1)/versions",
                                      body: Self.body(level(depth + 1), references: [("chain.T\(depth)", "chain-\(depth)", 1)]))
        #expect(tooDeep.json["error_code"] == 42201)
        #expect(tooDeep.json["message"]?.stringValue?.contains("more than \(depth) levels deep") == true)

        // A cycle cannot be registered (references name existing versions), so one is written into
        // the store to show the walk ends with a clear refusal rather than looping.
        let store = try fixture.connection()
        let first = try #require(store.query("SELECT schema_id FROM subject_versions WHERE subject = 'chain-0'").first?.int("schema_id"))
        _ = try store.run("INSERT INTO subject_schema_references (schema_id, position, name, subject, version) VALUES (?, 0, 'chain.T1', 'chain-1', 1)", [first])
        let cycle = fixture.ccompat(.post, "/subjects/cycle-value/versions", body: Self.body(level(2), references: [("chain.T1", "chain-1", 1)]))
        #expect(cycle.json["error_code"] == 42201)
        #expect(cycle.json["message"]?.stringValue?.contains("the references form a cycle: chain-1@1 → chain-0@1 → chain-1@1") == true, "\(cycle.json)")
    }

    @Test func referencesOfReferencesAreLoadedTransitively() throws {
        let fixture = try APIFixture()
        let country = #"{"type":"enum","name":"Country","namespace":"com.acme","symbols":["DE","FR"]}"#
        let address = #"{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"country","type":"com.acme.Country"}]}"#
        _ = try Self.id(fixture.ccompat(.post, "/subjects/country-value/versions", body: Self.body(country)))
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-value/versions", body: Self.body(address, references: [("com.acme.Country", "country-value", 1)])))
        // Customer names only Address; Address brings Country.
        let registered = fixture.ccompat(.post, "/subjects/customer-value/versions", body: Self.body(Self.customer, references: [("com.acme.Address", "address-value", 1)]))
        #expect(registered.status.code == 200)
        #expect(fixture.ccompat(.delete, "/subjects/country-value/versions/1").json["error_code"] == 42206)
    }

    @Test func jsonSchemaRefsResolveToTheReferencedSchema() throws {
        let fixture = try APIFixture()
        let address = #"{"type":"object","properties":{"street":{"type":"string"}},"required":["street"]}"#
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-json/versions", body: Self.body(address, type: "JSON")))
        let customer = #"{"type":"object","properties":{"id":{"type":"string"},"home":{"$ref":"address.json"}}}"#
        let reference = [("address.json", "address-json", 1)]
        let id = try Self.id(fixture.ccompat(.post, "/subjects/customer-json/versions", body: Self.body(customer, type: "JSON", references: reference)))
        #expect(fixture.ccompat(.get, "/schemas/ids/\(id)").json["references"]?.arrayValue?.count == 1)
        let unknown = fixture.ccompat(.post, "/subjects/customer-json/versions", body: Self.body(customer, type: "JSON"))
        #expect(unknown.json["error_code"] == 42201)
        #expect(unknown.json["message"]?.stringValue?.contains("add a reference named \"address.json\"") == true)

        // A pointer into the referenced schema resolves too, and its types are compared: string → integer breaks.
        let pointing = #"{"type":"object","properties":{"id":{"type":"string"},"home":{"$ref":"address.json#/properties/street"}}}"#
        #expect(fixture.ccompat(.post, "/compatibility/subjects/customer-json/versions/latest", body: Self.body(pointing, type: "JSON", references: reference)).status.code == 200)
        let integerStreet = #"{"type":"object","properties":{"street":{"type":"integer"}},"required":["street"]}"#
        #expect(fixture.ccompat(.put, "/config/address-json", body: #"{"compatibility":"NONE"}"#).status.code == 200)
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-json/versions", body: Self.body(integerStreet, type: "JSON")))
        let changed = fixture.ccompat(.post, "/compatibility/subjects/customer-json/versions/latest?verbose=true",
                                      body: Self.body(customer, type: "JSON", references: [("address.json", "address-json", 2)])).json
        #expect(changed["is_compatible"] == false)
    }

    static let addressProto = """
        syntax = "proto3";
        package acme;
        message Address { string street = 1; }
        """
    static let customerProto = """
        syntax = "proto3";
        package acme;
        import "acme/address.proto";
        message Customer { string id = 1; acme.Address home = 2; }
        """

    @Test func protobufImportsResolveToReferencedSchemas() throws {
        let fixture = try APIFixture()
        _ = try Self.id(fixture.ccompat(.post, "/subjects/address-proto/versions", body: Self.body(Self.addressProto, type: "PROTOBUF")))
        let reference = [("acme/address.proto", "address-proto", 1)]
        let id = try Self.id(fixture.ccompat(.post, "/subjects/customer-proto/versions", body: Self.body(Self.customerProto, type: "PROTOBUF", references: reference)))
        let unknown = fixture.ccompat(.post, "/subjects/other-proto/versions", body: Self.body(Self.customerProto, type: "PROTOBUF"))
        #expect(unknown.json["error_code"] == 42201)
        #expect(unknown.json["message"]?.stringValue?.contains("acme/address.proto") == true)

        // The serialized form needs the imported file: the descriptor names it as a dependency.
        let serialized = try #require(fixture.ccompat(.get, "/schemas/ids/\(id)?format=serialized").json["schema"]?.stringValue)
        #expect(serialized != Self.customerProto)
        let decoded = try ProtobufSchema(parsing: serialized, dependencies: ["acme/address.proto": Self.addressProto])
        #expect(decoded.canonicalText == (try ProtobufSchema(parsing: Self.customerProto, dependencies: ["acme/address.proto": Self.addressProto]).canonicalText))
        #expect(fixture.ccompat(.get, "/subjects/address-proto/versions/1/referencedby").json == [.integer(id)])
    }
}
