import SQL

/// Applies an append-only list of migrations, each in its own IMMEDIATE transaction with a
/// foreign-key check before commit (GRDB's `DatabaseMigrator` discipline).
public struct Migrator: Sendable {
    public var migrations: [Migration]

    public init(_ migrations: [Migration]) { self.migrations = migrations }

    /// Applies the migrations the database lacks and returns their names. Refuses a database
    /// written by a newer version (one with migrations this list does not know), rather than guessing.
    @discardableResult
    public func migrate(_ connection: DatabaseConnection) throws -> [String] {
        try connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL) STRICT")
        let applied = try connection.query("SELECT name FROM schema_migrations ORDER BY rowid").compactMap { $0.string("name") }
        if let unknown = Migration.unknown(applied: applied, known: migrations) { throw MigrationError.unknownMigrations(unknown) }
        for migration in migrations.dropFirst(applied.count) {
            try connection.transaction(.immediate) {
                try connection.execute(migration.sql)
                let violations = try connection.query("PRAGMA foreign_key_check")
                if !violations.isEmpty { throw MigrationError.foreignKeyViolations(migration.name, violations.count) }
                try connection.run("INSERT INTO schema_migrations (name) VALUES (?)", [migration.name])
            }
        }
        return migrations.dropFirst(applied.count).map(\.name)
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    case unknownMigrations([String])
    case foreignKeyViolations(String, Int)

    public var description: String {
        switch self {
        case .unknownMigrations(let names):
            Migration.newerDatabaseMessage(unknown: names)
        case .foreignKeyViolations(let name, let count):
            "migration \(name) left \(count) foreign-key violations; it was rolled back"
        }
    }
}
