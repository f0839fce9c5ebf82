import Postgres
import SQLite

extension Registry {
    /// Applies the schema migrations `location` lacks and returns their names, without opening a
    /// registry: what `meshreg migrate` runs before replicas start (docs/ARCHITECTURE.md, "PostgreSQL").
    public static func migrate(_ location: DatabaseLocation) throws -> [String] {
        switch location {
        case .sqlite(let path):
            return try RegistrySchema.migrator.migrate(DatabaseConnection(path: path))
        case .postgres(let uri):
            return try RegistrySchema.postgresMigrator.migrate(PostgresConnection(uri: uri))
        }
    }

    /// How many migrations this version of meshreg knows.
    public static var migrationCount: Int { RegistrySchema.migrator.migrations.count }
}
