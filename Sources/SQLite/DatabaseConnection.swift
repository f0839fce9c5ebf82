import CSQLite
import SQL

/// One SQLite connection, configured for a service (docs/ARCHITECTURE.md, "Write path"): WAL, foreign keys,
/// a busy timeout, no double-quoted strings, extended result codes, a statement cache.
///
/// Not thread-safe by design: a connection is used by one thread at a time, which
/// `DatabasePool` guarantees.
public final class DatabaseConnection: SQLConnection {
    public enum Mode: Sendable { case readWrite, readOnly }

    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var transactionDepth = 0

    /// Opens (creating when `mode` is `.readWrite`) the database at `path` and checks that it is
    /// one: a truncated or foreign file fails here with `isNotADatabase`, not on first use.
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 5_000) throws(SQLiteError) {
        var handle: OpaquePointer?
        let access = mode == .readWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        let flags = access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(connection: handle, code: code)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        _ = meshreg_sqlite_disable_double_quoted_strings(handle)
        try execute("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY")
        try execute("SELECT count(*) FROM sqlite_schema")
        if mode == .readOnly { try execute("PRAGMA query_only = ON") }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Switches the file to write-ahead logging; the mode persists in the file.
    public func enableWriteAheadLog(synchronous: String = "NORMAL") throws(SQLiteError) {
        let rows = try query("PRAGMA journal_mode = WAL", [])
        guard rows.first?.string("journal_mode") == "wal" else {
            throw SQLiteError(extendedCode: SQLITE_ERROR, message: "could not switch to WAL journal mode", sql: "PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA synchronous = \(synchronous == "FULL" ? "FULL" : "NORMAL")")
    }

    /// Runs one or more statements without parameters (migrations, pragmas).
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(errorMessage)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Runs a statement with bound parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [any SQLiteBindable] = []) throws(SQLiteError) -> [Row] {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        do {
            try statement.bind(values.map(\.sqlValue))
            return try statement.rows()
        } catch {
            statementCache[sql] = nil
            throw error
        }
    }

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [any SQLiteBindable] = []) throws(SQLiteError) -> Int {
        try query(sql, values)
        return Int(sqlite3_changes(handle))
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    public var dialect: SQLDialect { .sqlite }

    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED", immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction, committing when it returns and rolling back when it throws
    /// (the body's error is rethrown as is). Nested calls become savepoints, so a failed inner
    /// step can be undone on its own.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try transaction(.immediate, body)
    }

    /// `transaction(_:)` with the kind of lock the outermost transaction takes first.
    public func transaction<Result>(_ kind: TransactionKind, _ body: () throws -> Result) throws -> Result {
        let savepoint = "meshreg_\(transactionDepth)"
        // Through the statement cache: parsing BEGIN and COMMIT on every call is measurable on hot reads.
        try run(transactionDepth == 0 ? "BEGIN \(kind.rawValue)" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        let result: Result
        do {
            result = try body()
        } catch {
            transactionDepth -= 1
            rollback(savepoint: savepoint)
            throw error
        }
        transactionDepth -= 1
        do {
            try run(transactionDepth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
        } catch {
            rollback(savepoint: savepoint)
            throw error
        }
        return result
    }

    /// Whether a transaction is open; false after SQLite rolled one back on its own (SQLITE_FULL, SQLITE_IOERR).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    private func rollback(savepoint: String) {
        if transactionDepth == 0 {
            try? execute("ROLLBACK")
        } else {
            try? execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
        }
    }

    private func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(connection: handle, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }
}
