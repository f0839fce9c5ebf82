import Foundation
import PostgresTestSupport
import SQLite
import Testing
@testable import Registry

/// Migration 0010 rebuilds the subject tables so PROTOBUF is admitted, keeping every row and the
/// foreign key from versions to schemas.
@Suite(.enabled(if: TestEngine.isSQLite, "SQLite-only: migrates a SQLite file written before 0010")) struct ProtobufSubjectsMigrationTests {
    @Test func upgradeKeepsSubjectsAndAdmitsProtobuf() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-migration-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let connection = try DatabaseConnection(path: path)
        let all = RegistrySchema.migrator.migrations
        let before = try #require(all.firstIndex { $0.name == "0010-protobuf-subjects" })
        try Migrator(Array(all.prefix(before))).migrate(connection)
        _ = try connection.run("INSERT INTO subject_schemas (id, schema_type, identity, canonical, schema, created_at) VALUES (7, 'AVRO', 'i', 'c', 's', 't')")
        _ = try connection.run("INSERT INTO subject_versions VALUES ('orders-value', 1, 7, 0, 't', 't')")
        #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO subject_schemas (schema_type, identity, canonical, schema, created_at) VALUES ('PROTOBUF', 'p', 'p', 'p', 't')")
        }

        try RegistrySchema.migrator.migrate(connection)
        let kept = try connection.query("SELECT v.subject, s.schema_type FROM subject_versions v JOIN subject_schemas s ON s.id = v.schema_id")
        #expect(kept.count == 1)
        #expect(kept.first?.string("schema_type") == "AVRO")
        _ = try connection.run("INSERT INTO subject_schemas (schema_type, identity, canonical, schema, created_at) VALUES ('PROTOBUF', 'p', 'p', 'p', 't')")
        #expect(throws: SQLiteError.self, "versions still reference existing schemas") {
            try connection.run("INSERT INTO subject_versions VALUES ('orders-value', 2, 999, 0, 't', 't')")
        }
        let indexes = try connection.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('subject_schemas_canonical', 'subject_versions_schema')")
        #expect(indexes.count == 2)
        let sql = try connection.query("SELECT sql FROM sqlite_schema WHERE name = 'subject_versions'").first?.string("sql") ?? ""
        #expect(sql.contains("REFERENCES \"subject_schemas\"") || sql.contains("REFERENCES subject_schemas"))
    }
}
