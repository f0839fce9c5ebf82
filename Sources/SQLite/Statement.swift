import CSQLite
import SQL

/// A prepared statement owned by one connection; reset and cleared after every use.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let connection: OpaquePointer

    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(connection, sql, -1, flags, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(connection: connection, code: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "expected \(expected) bound values, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let code: Int32 =
                switch value {
                case .null: sqlite3_bind_null(handle, position)
                case .integer(let integer): sqlite3_bind_int64(handle, position, integer)
                case .real(let real): sqlite3_bind_double(handle, position, real)
                case .text(var text):
                    // An explicit byte length keeps text with NUL characters whole.
                    text.withUTF8 { utf8 in
                        UnsafeRawBufferPointer(utf8).withMemoryRebound(to: CChar.self) { chars in
                            guard let base = chars.baseAddress else {
                                return sqlite3_bind_text64(handle, position, "", 0, meshreg_sqlite_transient(), UInt8(SQLITE_UTF8))
                            }
                            return sqlite3_bind_text64(handle, position, base, UInt64(chars.count), meshreg_sqlite_transient(), UInt8(SQLITE_UTF8))
                        }
                    }
                case .blob(let bytes):
                    bytes.withUnsafeBytes { buffer in
                        sqlite3_bind_blob64(handle, position, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), UInt64(buffer.count), meshreg_sqlite_transient())
                    }
                }
            guard code == SQLITE_OK else { throw SQLiteError(connection: connection, code: code, sql: sql) }
        }
    }

    /// Steps to completion, collecting every row.
    func rows() throws(SQLiteError) -> [Row] {
        let count = sqlite3_column_count(handle)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
        var rows: [Row] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw SQLiteError(connection: connection, code: code, sql: sql) }
            rows.append(Row(columns: columns, values: (0..<count).map(column)))
        }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let pointer = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }
}
