/// The engine's spelling of the few things the registry's SQL needs that SQLite and PostgreSQL
/// write differently (docs/ARCHITECTURE.md, "Storage seam"). Each returns an SQL fragment; the
/// arguments are SQL expressions (columns or `?`), never values.
public struct SQLDialect: Sendable, Hashable {
    enum Engine: Sendable, Hashable { case sqlite, postgres }

    let engine: Engine

    public static let sqlite = SQLDialect(engine: .sqlite)
    public static let postgres = SQLDialect(engine: .postgres)

    /// True when `text` holds `part` (both text expressions); case-sensitive.
    public func contains(_ text: String, _ part: String) -> String {
        switch engine {
        case .sqlite: "instr(\(text), \(part)) > 0"
        case .postgres: "strpos(\(text), \(part)) > 0"
        }
    }

    /// A statement that makes the next generated value of `table.column` follow its largest one,
    /// after rows were inserted with explicit keys; nil where the engine does that itself (SQLite).
    public func restartGeneratedKey(_ table: String, _ column: String) -> String? {
        switch engine {
        case .sqlite: nil
        case .postgres: "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce(max(\(column)), 0) + 1, false) FROM \(table)"
        }
    }

    /// A subquery giving, as JSON array text, `expression` for every row of `table` that matches
    /// `condition`, in the order the rows were inserted; `[]` when none does.
    public func jsonArray(of expression: String, from table: String, where condition: String) -> String {
        switch engine {
        case .sqlite:
            "(SELECT json_group_array(value) FROM (SELECT \(expression) AS value FROM \(table) WHERE \(condition) ORDER BY rowid))"
        case .postgres:
            // ctid is the physical position; rows that are only inserted and deleted keep insertion order.
            "(SELECT coalesce(json_agg(\(expression) ORDER BY ctid), '[]')::text FROM \(table) WHERE \(condition))"
        }
    }
}
