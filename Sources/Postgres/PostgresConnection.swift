import CPostgres
import SQL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection (docs/ARCHITECTURE.md, "PostgreSQL"). Not thread-safe by design: one
/// thread at a time uses it, as with `DatabaseConnection` for SQLite.
///
/// Statements may number parameters (`$1`) or write `?` as the registry's portable SQL does. Each
/// statement text is translated (`?` to `$n`) and prepared on the server once per connection, and
/// later calls only bind and execute it, as SQLite's statement cache does.
public final class PostgresConnection: SQLConnection {
    private let pq: LibPQ
    private let handle: OpaquePointer
    private var transactionDepth = 0
    /// Prepared statements' names by statement text.
    private var prepared: [String: String] = [:]

    /// Connects with a libpq connection string or `postgres://` URI (sslmode, passfile and the
    /// `PG*` environment variables work as libpq documents) and sets the statement timeout.
    public init(uri: String, applicationName: String = "meshreg", statementTimeoutMilliseconds: Int = 30_000,
                connectTimeoutSeconds: Int = 5) throws(PostgresError) {
        let pq = try LibPQ.loaded()
        // TCP keepalives notice a peer gone without a word (a dropped route, an idle-timeout in
        // between) in about 25 s instead of the kernel's two hours: an idle pooled connection, or
        // the commit listener waiting for news. Given before `dbname`, so the URI may set its own.
        let keywords = ["keepalives_idle", "keepalives_interval", "keepalives_count", "dbname", "application_name", "connect_timeout"]
        let values = ["10", "5", "3", uri, applicationName, String(connectTimeoutSeconds)]
        // expand_dbname = 1: the dbname value is itself parsed as a URI or key=value string; it
        // overrides the keywords before it, and the ones after it fill in what it leaves out.
        let connection = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in pq.connectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let connection else {
            throw PostgresError(sqlState: "", message: "libpq could not allocate a connection")
        }
        guard pq.status(connection) == CONNECTION_OK else {
            let error = PostgresError(pq, result: nil, connection: connection, sql: nil)
            pq.finish(connection)
            throw error
        }
        self.pq = pq
        handle = connection
        // Server notices ("relation already exists, skipping") would otherwise go to stderr.
        _ = pq.setNoticeProcessor(connection, { _, _ in }, nil)
        try execute("SET statement_timeout = \(max(0, statementTimeoutMilliseconds))")
    }

    deinit {
        pq.finish(handle)
    }

    public var dialect: SQLDialect { .postgres }

    /// Whether the connection is still usable; a pool drops one that is not.
    public var isHealthy: Bool { pq.status(handle) == CONNECTION_OK }

    /// The server's process id for this session, as `pg_stat_activity` and notifications name it.
    public var backendProcessID: Int32 { pq.backendPID(handle) }

    /// Runs one or more statements without parameters (migrations, settings), in one round trip.
    public func execute(_ sql: String) throws(PostgresError) {
        let result = pq.exec(handle, sql)
        defer { pq.clear(result) }
        try check(result, sql: sql)
    }

    /// Runs a statement with bound parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: [any SQLBindable] = []) throws(PostgresError) -> [Row] {
        let result = try send(sql, values)
        defer { pq.clear(result) }
        return rows(of: result)
    }

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func run(_ sql: String, _ values: [any SQLBindable] = []) throws(PostgresError) -> Int {
        let result = try send(sql, values)
        defer { pq.clear(result) }
        return Int(String(cString: pq.cmdTuples(result)!)) ?? 0
    }

    /// Runs `body` in a transaction, committed when it returns and rolled back when it throws.
    /// Nested calls use savepoints.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try transaction(beginning: "BEGIN", body)
    }

    /// Runs `body` in a read-only transaction that sees one snapshot from its first statement on
    /// (REPEATABLE READ), as a SQLite reader's DEFERRED transaction does; a savepoint when nested.
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        try transaction(beginning: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T>(beginning begin: String, _ body: () throws -> T) throws -> T {
        let savepoint = "meshreg_\(transactionDepth)"
        try execute(transactionDepth == 0 ? begin : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        do {
            let value = try body()
            transactionDepth -= 1
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
            return value
        } catch {
            transactionDepth -= 1
            if isHealthy {
                try? execute(transactionDepth == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint)")
            }
            throw error
        }
    }

    /// Subscribes this session to `channel`; `notifications(waitingUpTo:)` then returns what arrives.
    public func listen(_ channel: String) throws(PostgresError) {
        try execute("LISTEN \(try quotedIdentifier(channel))")
    }

    /// Sends `payload` to every session listening on `channel`, when the current transaction commits.
    public func notify(_ channel: String, payload: String) throws(PostgresError) {
        try query("SELECT pg_notify($1, $2)", [channel, payload])
    }

    /// The notifications received so far, waiting up to `milliseconds` for the first when none is
    /// queued. Throws when the connection is lost, so the caller reconnects and catches up.
    public func notifications(waitingUpTo milliseconds: Int32) throws(PostgresError) -> [PostgresNotification] {
        var received = try drainNotifications()
        if received.isEmpty, milliseconds > 0 {
            var descriptor = pollfd(fd: pq.socket(handle), events: Int16(POLLIN), revents: 0)
            guard descriptor.fd >= 0 else { throw connectionLost() }
            _ = poll(&descriptor, 1, milliseconds)
            received = try drainNotifications()
        }
        return received
    }

    private func drainNotifications() throws(PostgresError) -> [PostgresNotification] {
        guard pq.consumeInput(handle) == 1 else { throw connectionLost() }
        var received: [PostgresNotification] = []
        while let notice = pq.notifies(handle) {
            received.append(PostgresNotification(channel: String(cString: notice.pointee.relname),
                                                 payload: String(cString: notice.pointee.extra),
                                                 senderProcessID: notice.pointee.be_pid))
            pq.freemem(notice)
        }
        return received
    }

    private func connectionLost() -> PostgresError {
        PostgresError(pq, result: nil, connection: handle, sql: nil)
    }

    /// `identifier` quoted for SQL by libpq (for the few statements that take no parameters).
    private func quotedIdentifier(_ identifier: String) throws(PostgresError) -> String {
        guard let quoted = pq.escapeIdentifier(handle, identifier, identifier.utf8.count) else {
            throw PostgresError(pq, result: nil, connection: handle, sql: nil)
        }
        defer { pq.freemem(quoted) }
        return String(cString: quoted)
    }

    private func send(_ sql: String, _ values: [any SQLBindable]) throws(PostgresError) -> OpaquePointer? {
        let parameters = try PostgresParameters(values, of: sql)
        let name = try preparedName(sql)
        let result = parameters.withPointers { pointers, lengths, formats in
            pq.execPrepared(handle, name, Int32(values.count), pointers, lengths, formats, 0)
        }
        do {
            try check(result, sql: sql)
        } catch {
            pq.clear(result)
            throw error
        }
        return result
    }

    private func check(_ result: OpaquePointer?, sql: String) throws(PostgresError) {
        switch result.map(pq.resultStatus) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default: throw PostgresError(pq, result: result, connection: handle, sql: sql)
        }
    }

    /// The result's rows, each column typed by its PostgreSQL type: integers, floats, booleans (as
    /// 0/1) and `bytea` (sent as `\x` hex) become what SQLite would return; the rest stays text.
    private func rows(of result: OpaquePointer?) -> [Row] {
        let rowCount = pq.ntuples(result)
        let columnCount = pq.nfields(result)
        let columns = (0..<columnCount).map { String(cString: pq.fname(result, $0)!) }
        let types = (0..<columnCount).map { pq.ftype(result, $0) }
        return (0..<rowCount).map { row in
            Row(columns: columns, values: (0..<columnCount).map { column in
                guard pq.getisnull(result, row, column) == 0, let text = pq.getvalue(result, row, column) else { return .null }
                let length = Int(pq.getlength(result, row, column))
                return Self.value(UnsafeRawBufferPointer(start: text, count: length), type: types[Int(column)])
            })
        }
    }

    private static func value(_ text: UnsafeRawBufferPointer, type: Oid) -> SQLValue {
        let string = String(decoding: text, as: UTF8.self)
        switch type {
        case 20, 21, 23, 26: return Int64(string).map(SQLValue.integer) ?? .text(string)  // int8, int2, int4, oid
        case 700, 701: return Double(string).map(SQLValue.real) ?? .text(string)  // float4, float8
        case 16: return .integer(string == "t" ? 1 : 0)  // bool
        case 17: return hexBytes(text).map(SQLValue.blob) ?? .text(string)  // bytea
        default: return .text(string)
        }
    }

    /// A `bytea` in the text format: `\x` followed by hex digits.
    private static func hexBytes(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        guard text.count >= 2, text.count % 2 == 0, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index < text.count {
            guard let high = nibble(text[index]), let low = nibble(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The name of `sql`'s prepared statement on this connection, preparing it (its `?` numbered
    /// `$1`, `$2`, …) the first time.
    private func preparedName(_ sql: String) throws(PostgresError) -> String {
        if let name = prepared[sql] { return name }
        let name = "meshreg_\(prepared.count + 1)"
        let result = pq.prepare(handle, name, PlaceholderNumbering.numbered(sql), 0, nil)
        defer { pq.clear(result) }
        try check(result, sql: sql)
        prepared[sql] = name
        return name
    }
}

/// A `NOTIFY` received on a channel this session listens to.
public struct PostgresNotification: Sendable, Hashable {
    public var channel: String
    public var payload: String
    public var senderProcessID: Int32
}

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
