import Foundation
import PostgresTestSupport
import SQLite
import Testing
@testable import Registry

/// `Registry.copyStore` (`meshreg store copy`): a whole registry from SQLite to PostgreSQL and back.
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct StoreCopyTests {
    static func file(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-copy-\(UUID().uuidString)-\(name).sqlite").path
    }

    static let schema = #"{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}"#

    @Test func theCopiedTablesAreEveryTableTheMigrationsMake() throws {
        let path = Self.file("tables")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let connection = try DatabaseConnection(path: path)
        try RegistrySchema.migrator.migrate(connection)
        let tables = try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence')")
            .compactMap { $0.string("name") }
        #expect(tables.count >= 25)
        #expect(Set(tables) == Set(RegistryStore.copiedTables.map(\.name)), "a new table must be added to RegistryStore.copiedTables")
    }

    @Test func aRegistryGoesFromSQLiteToPostgresAndBackWhole() throws {
        let sqlite = Self.file("source")
        defer { try? FileManager.default.removeItem(atPath: sqlite) }
        let source = try Registry(path: sqlite)
        let documents = [Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer]
        try source.apply(documents.enumerated().map { try RegistryFixture.submission($1, source: "doc\($0).yaml") }, actor: .localAdmin)
        let token = try source.issueToken(for: .user("alice"), actor: .localAdmin)
        let schemaID = try source.registerSchema(SchemaSubmission(schema: Self.schema), subject: "orders-value", actor: .localAdmin)
        _ = try? source.retireProduct("sales-orders", actor: .user("carol"))  // refused: an audited refusal
        let sourceAudit = try source.verifyAuditLog()

        let postgres = DatabaseLocation(try TemporaryPostgresCluster.shared().makeDatabase())
        let report = try Registry.copyStore(from: .sqlite(path: sqlite), to: postgres)
        #expect(report.auditEntries == sourceAudit.entries)
        #expect(report.tables["revisions"] == documents.count)
        #expect(report.tables.values.reduce(0, +) > 30)

        let copy = try Registry(location: postgres)
        #expect(copy.registryID == source.registryID, "the copy is the same registry")
        #expect(try copy.products().items.map(\.id) == source.products().items.map(\.id))
        #expect(try copy.product("sales-orders").digest == source.product("sales-orders").digest)
        #expect(try copy.authenticate(token: token.token)?.username == "alice")
        #expect(try copy.registeredSchema(id: schemaID).schema == Self.schema)
        let next = try copy.registerSchema(SchemaSubmission(schema: Self.schema.replacingOccurrences(of: "Order", with: "Refund")),
                                           subject: "refunds-value", actor: .localAdmin)
        #expect(next > schemaID, "new schema ids follow the copied ones")
        try copy.revokeToken(token.id, actor: .localAdmin)
        #expect(try copy.verifyAuditLog().isIntact, "the chain goes on from the copied head")

        let refused = #expect(throws: RegistryError.self) { try Registry.copyStore(from: .sqlite(path: sqlite), to: postgres) }
        #expect(refused?.code == .conflict)
        #expect(refused?.message.contains("already holds a registry") == true)

        let back = Self.file("back")
        defer { try? FileManager.default.removeItem(atPath: back) }
        let returned = try Registry.copyStore(from: postgres, to: .sqlite(path: back))
        #expect(returned.auditEntries == sourceAudit.entries + 2, "the schema registration and the revocation made on PostgreSQL")
        let roundTrip = try Registry(path: back)
        #expect(try roundTrip.product("sales-forecast").documentText == source.product("sales-forecast").documentText)
        #expect(try roundTrip.authenticate(token: token.token) == nil, "revoked on PostgreSQL, revoked in the copy")
    }
}
