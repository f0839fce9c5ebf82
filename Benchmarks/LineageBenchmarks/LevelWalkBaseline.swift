import CSQLite

/// The baseline: the downstream walk as a SQLite expert would write it over the same
/// `lineage_edges` rows, without an in-memory index. A recursive CTE cannot deduplicate by node
/// while it carries the depth (UNION compares whole rows, so a node reached at eleven depths is
/// expanded eleven times); this walks one level per statement instead, `INSERT OR IGNORE` into a
/// temporary table keyed by node, so each node is expanded once, and stops at the depth bound or
/// when a level adds nothing. The connection has the registry's own settings (foreign keys,
/// temp store in memory, the writer's 32 MiB page cache) and the WAL is checkpointed first.
final class LevelWalkBaseline {
    private var database: OpaquePointer?
    private let clear: OpaquePointer
    private let seed: OpaquePointer
    private let level: OpaquePointer
    private let count: OpaquePointer
    private let identifiers: OpaquePointer

    init(path: String) {
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            fatalError("cannot open \(path): \(String(cString: sqlite3_errmsg(database)))")
        }
        sqlite3_busy_timeout(database, 5_000)
        Self.execute(database, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768")
        var logFrames: Int32 = 0
        var checkpointed: Int32 = 0
        guard sqlite3_wal_checkpoint_v2(database, nil, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed) == SQLITE_OK else {
            fatalError("cannot checkpoint the WAL of \(path): \(String(cString: sqlite3_errmsg(database)))")
        }
        Self.execute(database, """
            CREATE TEMP TABLE reached (id TEXT PRIMARY KEY NOT NULL, depth INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX temp.reached_depth ON reached(depth);
            """)
        clear = Self.prepare(database, "DELETE FROM reached")
        seed = Self.prepare(database, "INSERT INTO reached (id, depth) VALUES (?1, 0)")
        level = Self.prepare(database, """
            INSERT OR IGNORE INTO reached (id, depth)
            SELECT e.to_id, ?1 FROM reached r JOIN lineage_edges e ON e.from_id = r.id WHERE r.depth = ?1 - 1
            """)
        count = Self.prepare(database, "SELECT count(*) FROM reached")
        identifiers = Self.prepare(database, "SELECT id FROM reached")
        // Warm the page cache the way a running registry's would be.
        Self.execute(database, "SELECT count(*) FROM lineage_edges INDEXED BY lineage_edges_from")
    }

    deinit {
        for statement in [clear, seed, level, count, identifiers] { sqlite3_finalize(statement) }
        sqlite3_close(database)
    }

    /// The number of distinct nodes within `depth` edges downstream of `id`, the start included.
    func downstreamCount(from id: String, depth: Int) -> Int {
        walk(from: id, depth: depth)
        guard sqlite3_step(count) == SQLITE_ROW else { fatalError(String(cString: sqlite3_errmsg(database))) }
        defer { sqlite3_reset(count) }
        return Int(sqlite3_column_int64(count, 0))
    }

    /// The nodes `downstreamCount` counts, for checking that both sides reach the same set.
    func downstreamNodes(from id: String, depth: Int) -> Set<String> {
        walk(from: id, depth: depth)
        var nodes: Set<String> = []
        while sqlite3_step(identifiers) == SQLITE_ROW { nodes.insert(String(cString: sqlite3_column_text(identifiers, 0))) }
        sqlite3_reset(identifiers)
        return nodes
    }

    private func walk(from id: String, depth: Int) {
        run(clear)
        sqlite3_bind_text(seed, 1, id, -1, meshreg_sqlite_transient())
        run(seed)
        for distance in stride(from: 1, through: depth, by: 1) {
            sqlite3_bind_int(level, 1, Int32(distance))
            run(level)
            if sqlite3_changes(database) == 0 { break }
        }
    }

    private func run(_ statement: OpaquePointer) {
        guard sqlite3_step(statement) == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(database))) }
        sqlite3_reset(statement)
    }

    private static func execute(_ database: OpaquePointer?, _ sql: String) {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { fatalError(String(cString: sqlite3_errmsg(database))) }
    }

    private static func prepare(_ database: OpaquePointer?, _ sql: String) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            fatalError("cannot prepare \(sql): \(String(cString: sqlite3_errmsg(database)))")
        }
        return statement
    }
}
