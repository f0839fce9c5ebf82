import Foundation
import Registry
import Testing

/// Who may write schema-registry subjects: the team whose contract names the subject's Kafka topic.
@Suite struct SubjectOwnershipTests {
    static let schema = SchemaSubmission(schema: #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}"#)

    static func kafkaContract(servers: Bool) -> String {
        let serverBlock = servers ? """
            servers:
              - server: kafka-prod
                type: kafka
                customProperties:
                  - property: topic
                    value: sales.orders.v1
              - server: lake
                type: s3
                customProperties:
                  - property: topic
                    value: not-a-kafka-topic

            """ : ""
        return Samples.contract().replacingOccurrences(of: "schema:\n  - name: orders\n", with: serverBlock + "schema:\n  - name: orders\n    physicalName: sales.orders.compacted\n")
    }

    @Test func theContractsTeamOwnsItsKafkaTopicsSubjects() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.kafkaContract(servers: true)])
        let registry = fixture.registry
        // Publishing registered the contract's projection as version 1; the team's own schema
        // must say the same, so it registers that text (without the projection's metadata, which
        // makes it the latest version again).
        let projected = try registry.subjectVersion("sales.orders.v1-value", .latest).schema
        #expect(try registry.registerSchema(SchemaSubmission(schema: projected.schema), subject: "sales.orders.v1-value", actor: .user("alice")) == projected.id)
        #expect(try registry.registerSchema(Self.schema, subject: "sales.orders.compacted-key", actor: .team("sales-data")) > 0,
                "physicalName counts when the contract has a Kafka server; the contract declares no key, so any key schema goes")
        let refused = fixture.refusal(as: SubjectError.self) { _ = try registry.registerSchema(Self.schema, subject: "sales.orders.v1-value", actor: .user("carol")) }
        #expect(refused?.code == .forbidden)
        #expect(refused?.message.contains("team sales-data") == true)
        #expect(refused?.httpStatus == 403)
        #expect(fixture.refusal(as: SubjectError.self) { _ = try registry.registerSchema(Self.schema, subject: "not-a-kafka-topic-value", actor: .user("alice")) }?.code == .forbidden,
                "a topic property of a non-Kafka server is not a Kafka topic")
        #expect(fixture.refusal(as: SubjectError.self) { try registry.setCompatibilityLevel(.full, subject: nil, actor: .user("alice")) }?.code == .forbidden)
        #expect(try registry.subjectVersions("sales.orders.v1-value") == [1])
    }

    @Test func withoutAKafkaServerPhysicalNamesAreNotTopics() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Self.kafkaContract(servers: false)])
        let refused = fixture.refusal(as: SubjectError.self) { _ = try fixture.registry.registerSchema(Self.schema, subject: "sales.orders.compacted-value", actor: .user("alice")) }
        #expect(refused?.code == .forbidden)
        #expect(refused?.message.contains("only an admin") == true)
        #expect(try fixture.registry.registerSchema(Self.schema, subject: "sales.orders.compacted-value", actor: .localAdmin) > 0)
    }

    @Test func versionsAreNumberedPastSoftDeletedOnesAndRestartAfterAPermanentDelete() throws {
        let fixture = try RegistryFixture()
        let registry = fixture.registry
        let other = SchemaSubmission(schema: #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"n","type":"int","default":0}]}"#)
        _ = try registry.registerSchema(Self.schema, subject: "s", actor: .localAdmin)
        #expect(try registry.deleteSubjectVersion("s", .latest, permanent: false, actor: .localAdmin) == 1)
        _ = try registry.registerSchema(other, subject: "s", actor: .localAdmin)
        #expect(try registry.subjectVersions("s", includeDeleted: true) == [1, 2])
        #expect(try registry.deleteSubject("s", permanent: false, actor: .localAdmin) == [2])
        #expect(try registry.deleteSubject("s", permanent: true, actor: .localAdmin) == [1, 2])
        _ = try registry.registerSchema(other, subject: "s", actor: .localAdmin)
        #expect(try registry.subjectVersions("s") == [1])
    }
}
