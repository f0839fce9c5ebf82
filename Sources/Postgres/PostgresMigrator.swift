import SQL

/// Applies an append-only list of migrations to a PostgreSQL database, each in its own
/// transaction, under a session advisory lock so that replicas starting together apply each
/// migration once (docs/ARCHITECTURE.md, "PostgreSQL").
public struct PostgresMigrator: Sendable {
    /// The advisory lock's key: any fixed number no other application on the database uses.
    static let lockKey: Int64 = 0x6d65_7368_7265_6701

    public var migrations: [Migration]

    public init(_ migrations: [Migration]) { self.migrations = migrations }

    /// Applies the migrations the database lacks and returns their names. Refuses a database
    /// written by a newer version (one with migrations this list does not know), rather than guessing.
    @discardableResult
    public func migrate(_ connection: PostgresConnection) throws -> [String] {
        try connection.query("SELECT pg_advisory_lock($1)", [Self.lockKey])
        defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [Self.lockKey]) }
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                position integer PRIMARY KEY,
                name text NOT NULL UNIQUE,
                applied_at timestamptz NOT NULL DEFAULT now())
            """)
        let applied = try connection.query("SELECT name FROM schema_migrations ORDER BY position").compactMap { $0.string("name") }
        if let unknown = Migration.unknown(applied: applied, known: migrations) { throw PostgresMigrationError(unknown: unknown) }
        for (position, migration) in migrations.enumerated().dropFirst(applied.count) {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.run("INSERT INTO schema_migrations (position, name) VALUES ($1, $2)", [position + 1, migration.name])
            }
        }
        return migrations.dropFirst(applied.count).map(\.name)
    }
}

/// The database holds migrations this meshreg does not know: a newer version wrote it.
public struct PostgresMigrationError: Error, CustomStringConvertible {
    public var unknown: [String]

    public var description: String {
        Migration.newerDatabaseMessage(unknown: unknown)
    }
}
