import Foundation
import Postgres
import SQL
import SQLite

/// The engine the suites that open a registry run on: SQLite unless `MESHREG_TEST_ENGINE=postgres`, which
/// CI sets for a second run of those suites on the throwaway PostgreSQL cluster.
public enum TestEngine: String, Sendable {
    case sqlite, postgres

    public static let current: TestEngine = ProcessInfo.processInfo.environment["MESHREG_TEST_ENGINE"] == "postgres" ? .postgres : .sqlite

    /// For `.enabled(if:)` on tests of SQLite files themselves (old-file migrations, PRAGMAs).
    public static var isSQLite: Bool { current == .sqlite }

    /// A new empty database for one test: `file` on SQLite, else a fresh database on the shared
    /// cluster; as `--db` would name it. A cluster that cannot start fails the test, never skips it.
    public static func newDatabase(file: String) throws -> String {
        switch current {
        case .sqlite: return file
        case .postgres:
            guard TemporaryPostgresCluster.isEnabled else {
                throw ClusterError("MESHREG_TEST_ENGINE=postgres needs the PostgreSQL tests; unset MESHREG_TEST_POSTGRES=0")
            }
            return try TemporaryPostgresCluster.shared().makeDatabase()
        }
    }

    /// How the engine says that `table` does not exist.
    public static func missingTable(_ table: String) -> String {
        isSQLite ? "no such table: \(table)" : "relation \"\(table)\" does not exist"
    }

    /// A connection of its own to a database `newDatabase` named, to look behind the registry's back.
    public static func connect(_ location: String) throws -> any SQLConnection {
        location.hasPrefix("postgresql://") ? try PostgresConnection(uri: location) : try DatabaseConnection(path: location)
    }
}
