import Postgres
import SQL
import SQLite

/// Opens the registry's database by location: the only place that knows the engines
/// (docs/ARCHITECTURE.md, "Storage seam"). Everything else speaks `SQLDatabase` and `SQLConnection`.
enum RegistryDatabase {
    /// The key of the transaction-level advisory lock every write on PostgreSQL takes first, which
    /// serializes the registry's writes across replicas (docs/ARCHITECTURE.md, "PostgreSQL").
    static let writeLockKey: Int64 = 0x6d65_7368_7265_6702

    /// The key of the session-level advisory lock held by the one replica that runs housekeeping
    /// (docs/ARCHITECTURE.md, "PostgreSQL").
    static let housekeepingLockKey: Int64 = 0x6d65_7368_7265_6703

    /// Opens and migrates the database; SQLite's file is created when missing. `afterCommit` runs
    /// after each commit of this process; `afterCommitElsewhere` within milliseconds of a commit by
    /// another process, and whenever such news may have been lost (docs/ARCHITECTURE.md, "Caches
    /// and other writers").
    static func open(_ location: DatabaseLocation, connections: Int, afterCommit: @escaping @Sendable () -> Void,
                     afterCommitElsewhere: (@Sendable () -> Void)?) throws(RegistryError) -> any SQLDatabase {
        do {
            switch location {
            case .sqlite(let path):
                return try DatabasePool(path: path, migrator: RegistrySchema.migrator, afterCommit: afterCommit,
                                        afterCommitElsewhere: afterCommitElsewhere)
            case .postgres(let uri):
                return try PostgresDatabase(uri: uri, maximumConnections: connections, writeLockKey: writeLockKey,
                                            migrator: RegistrySchema.postgresMigrator, afterCommit: afterCommit, afterCommitElsewhere: afterCommitElsewhere)
            }
        } catch let error as SQLiteError where error.isNotADatabase {
            throw RegistryError(.storageFailure, "\(location) is not a meshreg database (\(error.message)); point --db at a registry file or a new path")
        } catch let error as PostgresError where error.isConnectionFailure {
            throw RegistryError(.unavailable, "cannot reach the registry database at \(location): \(error.message)")
        } catch {
            throw RegistryError(.storageFailure, "cannot open the registry at \(location): \(error)")
        }
    }

    /// Whether this process should run housekeeping now: on SQLite always; on PostgreSQL only while
    /// it holds the housekeeping lock, which it tries to take at each call.
    static func housekeepingLeadership(_ location: DatabaseLocation) -> @Sendable () -> Bool {
        switch location {
        case .sqlite: return { true }
        case .postgres(let uri):
            let lock = SessionAdvisoryLock(uri: uri, key: housekeepingLockKey)
            return { lock.isHeld() }
        }
    }
}

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
