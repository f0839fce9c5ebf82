import CPostgres
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection (docs/ARCHITECTURE.md, "PostgreSQL"). Not thread-safe by design: one
/// thread at a time uses it, as with `DatabaseConnection` for SQLite.
public final class PostgresConnection {
    private let pq: LibPQ
    private let handle: OpaquePointer
    private var transactionDepth = 0

    /// Connects with a libpq connection string or `postgres://` URI (sslmode, passfile and the
    /// `PG*` environment variables work as libpq documents) and sets the statement timeout.
    public init(uri: String, applicationName: String = "meshreg", statementTimeoutMilliseconds: Int = 30_000,
                connectTimeoutSeconds: Int = 5) throws(PostgresError) {
        let pq = try LibPQ.loaded()
        let keywords = ["dbname", "application_name", "connect_timeout"]
        let values = [uri, applicationName, String(connectTimeoutSeconds)]
        // expand_dbname = 1: the dbname value is itself parsed as a URI or key=value string, and the
        // keywords given here fill in what it leaves out.
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
    public func query(_ sql: String, _ values: [any PostgresBindable] = []) throws(PostgresError) -> [PostgresRow] {
        let result = try send(sql, values)
        defer { pq.clear(result) }
        return rows(of: result)
    }

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func run(_ sql: String, _ values: [any PostgresBindable] = []) throws(PostgresError) -> Int {
        let result = try send(sql, values)
        defer { pq.clear(result) }
        return Int(String(cString: pq.cmdTuples(result)!)) ?? 0
    }

    /// Runs `body` in a transaction, committed when it returns and rolled back when it throws.
    /// Nested calls use savepoints.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "meshreg_\(transactionDepth)"
        try execute(transactionDepth == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
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

    private func send(_ sql: String, _ values: [any PostgresBindable]) throws(PostgresError) -> OpaquePointer? {
        let forms = values.map(\.postgresValue.wireForm)
        if forms.contains(where: { $0?.binary == false && $0?.bytes.contains(0) == true }) {
            throw PostgresError(sqlState: "22021", message: "text with a NUL character cannot be stored in PostgreSQL; remove it", sql: sql)
        }
        let buffers = forms.map { $0?.bytes }
        let lengths = forms.map { Int32($0?.bytes.count ?? 0) }
        let formats = forms.map { Int32($0?.binary == true ? 1 : 0) }
        let result = withBufferPointers(buffers) { pointers in
            pq.execParams(handle, sql, Int32(values.count), nil, pointers, lengths, formats, 0)
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

    private func rows(of result: OpaquePointer?) -> [PostgresRow] {
        let rowCount = pq.ntuples(result)
        let columnCount = pq.nfields(result)
        var columns: [String: Int] = [:]
        for column in 0..<columnCount {
            columns[String(cString: pq.fname(result, column)!)] = Int(column)
        }
        return (0..<rowCount).map { row in
            PostgresRow(columns: columns, values: (0..<columnCount).map { column in
                pq.getisnull(result, row, column) == 1 ? nil : String(cString: pq.getvalue(result, row, column)!)
            })
        }
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

/// Calls `body` with one pointer per buffer (NULL for a nil buffer) that live for the call. Each copy
/// ends in a NUL byte: libpq reads text parameters as C strings and binary ones by their length.
private func withBufferPointers<T>(_ buffers: [[UInt8]?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies: [UnsafeMutablePointer<CChar>?] = buffers.map { buffer in
        guard let buffer else { return nil }
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: buffer.count + 1)
        buffer.withUnsafeBytes { raw in
            if let base = raw.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: buffer.count) }
        }
        copy[buffer.count] = 0
        return copy
    }
    defer { copies.forEach { $0?.deallocate() } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
