import CPostgres
import SQL

/// An error from PostgreSQL or from libpq, with the SQLSTATE when the server sent one
/// (postgresql.org/docs/15/errcodes-appendix.html).
///
/// The description names the SQL but never the bound values, which may hold user data, and never
/// the connection URI, which may hold a password.
public struct PostgresError: SQLEngineError, Sendable, Hashable, CustomStringConvertible {
    /// The five-character SQLSTATE, e.g. "23505"; empty when libpq failed without the server.
    public var sqlState: String
    public var message: String
    public var sql: String?

    public init(sqlState: String, message: String, sql: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    /// The error of a failed result, or of the connection when there is no result.
    init(_ pq: LibPQ, result: OpaquePointer?, connection: OpaquePointer?, sql: String?) {
        let state = result.flatMap { pq.resultErrorField($0, Self.sqlStateField) }.map { String(cString: $0) } ?? ""
        let primary = result.flatMap { pq.resultErrorField($0, Self.primaryMessageField) }.map { String(cString: $0) }
        let fallback = connection.flatMap { pq.errorMessage($0) }.map { String(cString: $0) } ?? "unknown libpq error"
        let message = primary ?? fallback
        self.init(sqlState: state, message: message.trimmingTrailingNewlines, sql: sql)
    }

    // PG_DIAG_SQLSTATE and PG_DIAG_MESSAGE_PRIMARY are character macros, which Swift does not import.
    private static let sqlStateField = Int32(UInt8(ascii: "C"))
    private static let primaryMessageField = Int32(UInt8(ascii: "M"))

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// The transaction lost a serialization or deadlock race and may be retried as a whole.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// The statement ran past `statement_timeout` or was cancelled.
    public var isCanceled: Bool { sqlState == "57014" }
    /// The server could not be reached or went away: class 08, an administrator shutdown (57P01…57P03),
    /// or a libpq failure without a server answer.
    public var isConnectionFailure: Bool {
        sqlState.isEmpty || sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// A retryable race, a statement past its timeout or a lock that was not available (55P03).
    public var isBusy: Bool { isRetryable || isCanceled || sqlState == "55P03" }
    public var isUnavailable: Bool { isConnectionFailure }
    /// character_not_in_repertoire: text with a NUL character, which PostgreSQL cannot hold.
    public var isUnrepresentableText: Bool { sqlState == "22021" }

    public var description: String {
        let state = sqlState.isEmpty ? "" : " [\(sqlState)]"
        return "PostgreSQL\(state): \(message)" + (sql.map { " (in \($0.prefix(200)))" } ?? "")
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last?.isNewline == true { text = text.dropLast() }
        return String(text)
    }
}
