import CSQLite
import SQL

/// An error reported by SQLite, carrying its extended result code (sqlite.org/rescode.html).
///
/// The description names the SQL but never the bound values, which may hold user data.
public struct SQLiteError: SQLEngineError, Sendable, Hashable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public var extendedCode: Int32
    public var message: String
    public var sql: String?

    /// The primary result code (the low byte), e.g. SQLITE_CONSTRAINT.
    public var primaryCode: Int32 { extendedCode & 0xFF }

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(extendedCode: extended, message: message, sql: sql)
    }

    /// SQLite rolled back the whole transaction a write was part of, so none of that write was kept.
    static let rolledBack = SQLiteError(extendedCode: SQLITE_ABORT | (2 << 8),
                                        message: "SQLite rolled the transaction back (a full disk or an I/O error); nothing of this write was kept")

    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    public var isUniqueViolation: Bool { extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey }
    public var isForeignKeyViolation: Bool { extendedCode == Self.constraintForeignKey }
    /// A file on this machine is never unreachable the way a server is.
    public var isUnavailable: Bool { false }
    /// SQLite stores any text, NUL characters included.
    public var isUnrepresentableText: Bool { false }
    /// The file is not a database, or is damaged (SQLITE_NOTADB, SQLITE_CORRUPT).
    public var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB || primaryCode == SQLITE_CORRUPT }

    // Extended codes are C macros built from expressions, which Swift does not import.
    private static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.prefix(200)))" }
        return text
    }
}
