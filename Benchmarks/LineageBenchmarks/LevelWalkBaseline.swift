import CSQLite

/// The baseline: the plain recursive CTE a registry without an in-memory index would run, over
/// the same `lineage_edges` rows, through the SQLite C API with one prepared statement.
final class RecursiveCTEBaseline {
    private var database: OpaquePointer?
    private var statement: OpaquePointer?
    private static let sql = """
        WITH RECURSIVE walk(id, depth) AS (
            SELECT ?1, 0
            UNION
            SELECT e.to_id, w.depth + 1 FROM walk w JOIN lineage_edges e ON e.from_id = w.id WHERE w.depth < ?2
        )
        SELECT count(DISTINCT id) FROM walk
        """

    init(path: String) {
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READONLY, nil) == SQLITE_OK,
            sqlite3_prepare_v2(database, Self.sql, -1, &statement, nil) == SQLITE_OK
        else { fatalError("cannot prepare the CTE on \(path): \(String(cString: sqlite3_errmsg(database)))") }
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close(database)
    }

    /// The number of distinct nodes within `depth` edges downstream of `id`, the start included.
    func downstreamCount(from id: String, depth: Int) -> Int {
        sqlite3_reset(statement)
        sqlite3_bind_text(statement, 1, id, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        sqlite3_bind_int(statement, 2, Int32(depth))
        guard sqlite3_step(statement) == SQLITE_ROW else { fatalError(String(cString: sqlite3_errmsg(database))) }
        return Int(sqlite3_column_int64(statement, 0))
    }
}
