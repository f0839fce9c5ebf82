import Foundation
import PostgresTestSupport
import SQLite
import Testing
@testable import Registry

/// Migration 0012 adds references, metadata and rule sets to stored schemas: a schema registered
/// before it is still found by lookups (which now match `schema_identity`) and keeps its id.
@Suite(.enabled(if: TestEngine.isSQLite, "SQLite-only: migrates a SQLite file written before 0012")) struct SchemaReferencesMigrationTests {
    static let schema = #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}"#

    @Test func schemasRegisteredBeforeKeepTheirIdentityAndId() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("registry.sqlite").path
        do {
            let connection = try DatabaseConnection(path: path)
            let all = RegistrySchema.migrator.migrations
            let before = try #require(all.firstIndex { $0.name == "0012-schema-references-and-rules" })
            try Migrator(Array(all.prefix(before))).migrate(connection)
            // The row as the code before 0012 wrote it: identity = the JSON with sorted keys.
            let parsed = try SubjectSchema(SchemaSubmission(schema: Self.schema))
            _ = try connection.run("INSERT INTO subject_schemas (id, schema_type, identity, canonical, schema, created_at) VALUES (5, 'AVRO', ?, ?, ?, 't')",
                                   [parsed.schemaIdentity, parsed.canonical, parsed.text])
            _ = try connection.run("INSERT INTO subject_versions VALUES ('orders-value', 1, 5, 0, 't', 't')")
        }

        let registry = try Registry(path: path)
        let found = try registry.lookUpSchema(SchemaSubmission(schema: Self.schema), subject: "orders-value")
        #expect(found.version == 1)
        #expect(found.schema.id == 5)
        #expect(found.schema.references.isEmpty && found.schema.metadata == nil && found.schema.ruleSet == nil)
        #expect(try registry.registerSchema(SchemaSubmission(schema: Self.schema), subject: "orders-value", actor: .localAdmin) == 5)
        #expect(try registry.subjectVersions("orders-value") == [1])
        let withMetadata = SchemaSubmission(schema: Self.schema, metadata: SchemaMetadata(properties: ["owner": "a"]))
        #expect(try registry.registerSchema(withMetadata, subject: "orders-value", actor: .localAdmin) != 5, "other metadata, another id")
    }

    @Test(arguments: [
        ("true", [("true", 1, 1)]),
        ("name == 'a' ; value != ''", [("name == 'a' ", 1, 1), (" value != ''", 1, 14)]),
        ("a &&\nb;\n  c", [("a &&\nb", 1, 1), ("\n  c", 2, 3)]),
    ])
    func guardedExpressionsSplitWithTheirPositions(expr: String, parts: [(String, Int, Int)]) {
        let split = SchemaRule.parts(of: expr)
        #expect(split.map(\.text) == parts.map(\.0))
        #expect(split.map(\.line) == parts.map(\.1))
        #expect(split.map(\.column) == parts.map(\.2))
    }
}
