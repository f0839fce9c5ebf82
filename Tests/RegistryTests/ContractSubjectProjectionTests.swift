import Foundation
import JSON
import Registry
import Testing

/// A Kafka contract drives its subjects unless it sets `projectSubject: false`: publishing
/// registers its projection, and hand registrations must agree with it (docs/contract-projection.md).
@Suite struct ContractSubjectProjectionTests {
    static let subject = "sales.orders.v1-value"

    /// A Kafka contract on topic sales.orders.v1 with `order_id`, an optional `note`, and `extra`;
    /// `drives` false opts out with `projectSubject: false`, true leaves the default.
    static func contract(version: String = "1.0.0", status: String = "active", drives: Bool = true, extra: String = "", orderIDType: String = "string",
                         orderIDOptions: String = "") -> String {
        """
        apiVersion: v3.2.0
        kind: DataContract
        id: sales.orders
        name: Sales Orders
        version: \(version)
        status: \(status)
        domain: sales
        team:
          name: sales-data
        servers:
          - server: kafka-prod
            type: kafka
            format: avro
            customProperties:
              - property: topic
                value: sales.orders.v1
        schema:
          - name: order
            physicalName: sales.orders.v1
            properties:
              - name: order_id
                logicalType: \(orderIDType)
                required: true
                classification: restricted
                tags: [PII]\(orderIDOptions)
              - name: note
                logicalType: string
                logicalTypeOptions: {maxLength: 20}
        \(extra)
        \(drives ? "" : "customProperties:\n  - property: projectSubject\n    value: false")
        """
    }

    static let optionalChannel = """
          - name: channel
            logicalType: string
    """

    static func avro(_ fields: String, name: String = "Order", namespace: String = "com.example") -> SchemaSubmission {
        SchemaSubmission(schema: #"{"type":"record","name":"\#(name)","namespace":"\#(namespace)","fields":[\#(fields)]}"#)
    }

    @Test func publishingRegistersTheProjectionWithItsMetadataAndRules() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        try fixture.apply([Self.contract()], as: .user("alice"))
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1])
        let version = try fixture.registry.subjectVersion(Self.subject, .latest)
        let schema = try JSONParser.parse(version.schema.schema)
        #expect(schema["fields"] == [["name": "order_id", "type": "string"], ["name": "note", "type": ["null", "string"], "default": .null]])
        let entries = try fixture.registry.auditEntries(AuditQuery(action: "subject.register")).entries
        let entry = try #require(entries.last)
        #expect(entry.target == Self.subject && entry.actor == "alice")
        #expect(entry.detail["projectedFrom"] == "sales.orders@1.0.0")
        #expect(version.schema.metadata?.tags == ["order.order_id": ["PII", "RESTRICTED"]])
        #expect(version.schema.metadata?.properties["contract"] == "sales.orders@1.0.0")
        #expect(version.schema.ruleSet?.json["domainRules"]?[0]?["expr"] == "!has(message.note) || message.note == null || (size(message.note) <= 20)")
    }

    @Test func everyKafkaTopicOfTheContractGetsItsProjectionInItsServersFormat() throws {
        let fixture = try RegistryFixture()
        let secondServer = "  - server: kafka-dr\n    type: kafka\n    format: json\n    customProperties:\n      - property: topic\n        value: sales.orders.dr\nschema:\n"
        try fixture.apply([Samples.salesDomain, Self.contract().replacingOccurrences(of: "schema:\n", with: secondServer)])
        #expect(try fixture.registry.subjects() == ["sales.orders.dr-value", Self.subject])
        #expect(try fixture.registry.subjectVersion("sales.orders.dr-value", .latest).schema.schemaType == .json)
        #expect(try fixture.registry.subjectVersion(Self.subject, .latest).schema.schemaType == .avro)
    }

    @Test func protobufHandRegistrationsAreComparedFieldByField() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.contract().replacingOccurrences(of: "format: avro", with: "format: protobuf")])
        let projected = try fixture.registry.subjectVersion(Self.subject, .latest).schema
        #expect(projected.schemaType == .protobuf)
        #expect(projected.schema.contains("  string order_id = 1;\n  optional string note = 2;\n"), "\(projected.schema)")
        let cases: [(text: String, finding: String)] = [
            (projected.schema.replacingOccurrences(of: "  optional string note = 2;\n", with: ""), "note: the contract has this field and the schema does not"),
            (projected.schema.replacingOccurrences(of: "optional string note", with: "string note"), "note: the contract allows null"),
            (projected.schema.replacingOccurrences(of: "string order_id", with: "int64 order_id"), "order_id: the schema says int64, the contract says string"),
        ]
        for (text, finding) in cases {
            let refused = fixture.refusal(as: SubjectError.self) {
                _ = try fixture.registry.registerSchema(SchemaSubmission(schema: text, schemaType: .protobuf), subject: Self.subject, actor: .user("alice"))
            }
            #expect(refused?.code == .incompatible && refused?.message.contains(finding) == true, "\(String(describing: refused?.message))")
        }
        let commented = projected.schema.replacingOccurrences(of: "message order {", with: "// Orders as the contract says.\nmessage order {")
        #expect(try fixture.registry.registerSchema(SchemaSubmission(schema: commented, schemaType: .protobuf), subject: Self.subject, actor: .user("alice")) == projected.id,
                "comments do not make another schema")
    }

    @Test func aContractThatDoesNotOptInLeavesItsSubjectAlone() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.contract(drives: false)])
        #expect(try fixture.registry.subjects().isEmpty)
        let differing = Self.avro(#"{"name":"whatever","type":"int"}"#)
        #expect(try fixture.registry.registerSchema(differing, subject: Self.subject, actor: .user("alice")) > 0)
    }

    /// Metadata is part of a schema's identity (as in Confluent), and the projection's names the
    /// contract version: each published version is a subject version, the schema text kept when equal.
    @Test func everyPublishedContractVersionIsASubjectVersionNamingIt() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.contract()])
        let first = try fixture.registry.subjectVersion(Self.subject, .latest).schema
        try fixture.apply([Self.contract()])
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1], "publishing the same version again registers nothing")
        try fixture.apply([Self.contract(version: "1.0.1")])
        let patch = try fixture.registry.subjectVersion(Self.subject, .latest).schema
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1, 2])
        #expect(patch.schema == first.schema && patch.metadata?.properties["contract"] == "sales.orders@1.0.1")
        try fixture.apply([Self.contract(version: "1.1.0", extra: Self.optionalChannel)])
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1, 2, 3], "an added optional field is a new, compatible version")
        try fixture.apply([Self.contract(version: "1.2.0", status: "draft", extra: Self.optionalChannel + "\n      - name: more\n        logicalType: string")])
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1, 2, 3], "a draft is not projected")
    }

    @Test func aProjectionTheSubjectRefusesRefusesThePublish() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.contract()])
        let refused = fixture.refusal { try fixture.apply([Self.contract(version: "2.0.0", orderIDType: "integer")]) }
        #expect(refused?.code == .incompatible, "\(String(describing: refused))")
        #expect(refused?.message.contains("sales.orders.v1-value") == true && refused?.message.contains("/fields/0/type") == true, "\(String(describing: refused))")
        #expect(try fixture.registry.contractVersions("sales.orders").map(\.version) == ["1.0.0"], "the publish rolled back")
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1])
    }

    @Test func aSchemaRegisteredBeforeTheContractGetsItsMetadataInANewVersion() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.contract(drives: false)])
        let projected = #"{"type":"record","name":"order","fields":[{"name":"order_id","type":"string"},{"name":"note","type":["null","string"],"default":null}],"namespace":"sales.orders"}"#
        let id = try fixture.registry.registerSchema(SchemaSubmission(schema: projected), subject: Self.subject, actor: .user("alice"))
        try fixture.apply([Self.contract(version: "1.0.1")])
        #expect(try fixture.registry.subjectVersions(Self.subject) == [1, 2])
        let projection = try fixture.registry.subjectVersion(Self.subject, .latest).schema
        #expect(projection.id != id && projection.schema == projected, "the same schema text, now with the contract's metadata and rules")
        #expect(projection.metadata?.properties["contract"] == "sales.orders@1.0.1")
    }

    @Test func handRegistrationsMustAgreeWithTheDrivingContract() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.contract()])
        let registry = fixture.registry
        let cases: [(fields: String, finding: String)] = [
            (#"{"name":"order_id","type":"string"}"#, "note: the contract has this field and the schema does not"),
            (#"{"name":"order_id","type":"long"},{"name":"note","type":["null","string"],"default":null}"#, "order_id: the schema says long, the contract says string"),
            (#"{"name":"order_id","type":"string"},{"name":"note","type":"string","default":""}"#, "note: the contract allows null"),
            (#"{"name":"order_id","type":"string"},{"name":"note","type":["null","string"],"default":null},{"name":"x","type":["null","int"],"default":null}"#,
             "x: the schema has this field and the contract does not"),
        ]
        for (fields, finding) in cases {
            let refused = fixture.refusal(as: SubjectError.self) { _ = try registry.registerSchema(Self.avro(fields), subject: Self.subject, actor: .user("alice")) }
            #expect(refused?.code == .incompatible && refused?.httpStatus == 409, "\(fields)")
            #expect(refused?.message.contains(finding) == true, "\(String(describing: refused?.message))")
            #expect(refused?.message.contains("sales.orders@1.0.0") == true)
        }
        let json = SchemaSubmission(schema: #"{"type":"object","properties":{"order_id":{"type":"string"}}}"#, schemaType: .json)
        #expect(fixture.refusal(as: SubjectError.self) { _ = try registry.registerSchema(json, subject: Self.subject, actor: .user("alice")) }?.message.contains("the schema is JSON") == true)
        // Other docs and field order: the same fields, types and nullability.
        let conforming = Self.avro(#"{"name":"note","type":["null","string"],"default":null,"doc":"free text"},{"name":"order_id","type":"string"}"#,
                                   name: "order", namespace: "sales.orders")
        #expect(try registry.registerSchema(conforming, subject: Self.subject, actor: .user("alice")) > 0)
        #expect(try registry.subjectVersions(Self.subject) == [1, 2])
        #expect(try registry.registerSchema(Self.avro(#"{"name":"a","type":"int"}"#), subject: "sales.orders.v1-key", actor: .user("alice")) > 0,
                "the contract declares no key, so its key subject is not projected and not checked")
    }

    /// `order_id` marked partitioned: the contract's record key.
    static let partitionedOrderID = "\n        partitioned: true\n        partitionKeyPosition: 1"

    /// A contract that marks its key registers `<topic>-key` after `<topic>-value`, and hand
    /// registrations there must agree with the key's projection.
    @Test func aContractWithAKeyDrivesTheKeySubjectToo() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        try fixture.apply([Self.contract(orderIDOptions: Self.partitionedOrderID)], as: .user("alice"))
        let keySubject = "sales.orders.v1-key"
        #expect(try fixture.registry.subjects() == [keySubject, Self.subject])
        let key = try fixture.registry.subjectVersion(keySubject, .latest).schema
        let schema = try JSONParser.parse(key.schema)
        #expect(schema["name"] == "orderKey" && schema["fields"] == [["name": "order_id", "type": "string"]])
        #expect(key.metadata?.tags == ["orderKey.order_id": ["PII", "RESTRICTED"]])
        #expect(key.metadata?.properties["contract"] == "sales.orders@1.0.0")
        let projected = try fixture.registry.auditEntries(AuditQuery(action: "subject.register")).entries.filter { $0.detail["projectedFrom"] == "sales.orders@1.0.0" }
        #expect(projected.map(\.target).sorted() == [keySubject, Self.subject])
        let refused = fixture.refusal(as: SubjectError.self) {
            _ = try fixture.registry.registerSchema(Self.avro(#"{"name":"order_id","type":"long"}"#, name: "orderKey"), subject: keySubject, actor: .user("alice"))
        }
        #expect(refused?.code == .incompatible && refused?.message.contains("order_id: the schema says long, the contract says string") == true,
                "\(String(describing: refused?.message))")
        let conforming = Self.avro(#"{"name":"order_id","type":"string","doc":"the order"}"#, name: "orderKey", namespace: "sales.orders")
        #expect(try fixture.registry.registerSchema(conforming, subject: keySubject, actor: .user("alice")) > 0)
        #expect(try fixture.registry.subjectVersions(keySubject) == [1, 2])
    }
}
