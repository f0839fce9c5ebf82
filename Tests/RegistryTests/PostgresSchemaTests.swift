import Postgres
import PostgresTestSupport
@testable import Registry
import SQLite
import Testing

/// The PostgreSQL migrations are the SQLite ones in another dialect: same names in the same
/// order, and the same tables with the same columns and nullability once applied.
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct PostgresSchemaTests {
    @Test func bothEnginesHaveTheSameMigrationsInTheSameOrder() {
        #expect(RegistrySchema.postgresMigrator.migrations.map(\.name) == RegistrySchema.migrator.migrations.map(\.name))
    }

    @Test func bothEnginesHaveTheSameTablesAndColumns() throws {
        let sqlite = try DatabaseConnection(path: ":memory:")
        try RegistrySchema.migrator.migrate(sqlite)
        var sqliteColumns: Set<String> = []
        for table in try sqlite.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'") {
            let name = table.string("name")!
            for column in try sqlite.query("SELECT name, \"notnull\" AS required, pk FROM pragma_table_info(?)", [name]) {
                // SQLite lets a primary-key column be NULL unless it says NOT NULL; PostgreSQL never does.
                let required = column.int("required") == 1 || column.int("pk")! > 0
                sqliteColumns.insert("\(name).\(column.string("name")!) \(required ? "NOT NULL" : "NULL")")
            }
        }

        let postgres = try PostgresConnection(uri: TemporaryPostgresCluster.shared().makeDatabase())
        #expect(try RegistrySchema.postgresMigrator.migrate(postgres).count == RegistrySchema.migrator.migrations.count)
        let rows = try postgres.query("""
            SELECT table_name, column_name, is_nullable FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name != 'schema_migrations'
            """)
        let postgresColumns = Set(rows.map { "\($0.string("table_name")!).\($0.string("column_name")!) \($0.string("is_nullable") == "NO" ? "NOT NULL" : "NULL")" })

        #expect(sqliteColumns.count > 100)
        #expect(sqliteColumns.subtracting(postgresColumns).sorted() == [], "in SQLite only")
        #expect(postgresColumns.subtracting(sqliteColumns).sorted() == [], "in PostgreSQL only")
        #expect(try postgres.query("SELECT value FROM registry_meta WHERE name = 'registry-id'").first?.string("value")?.count == 16)
    }
}
