/// A named schema change, for either engine's migrator. Shipped migrations are never edited:
/// new ones are appended.
public struct Migration: Sendable {
    public var name: String
    public var sql: String

    public init(_ name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    /// The names `applied` holds that `known` lacks, when `applied` is not where `known` starts:
    /// a newer meshreg wrote the database. Nil when the database is on this list's line.
    public static func unknown(applied: [String], known: [Migration]) -> [String]? {
        let names = known.map(\.name)
        guard applied.count > names.count || Array(names.prefix(applied.count)) != applied else { return nil }
        return applied.filter { !names.contains($0) }
    }

    /// What to say about a database holding the `unknown` migrations.
    public static func newerDatabaseMessage(unknown: [String]) -> String {
        "the database was written by a newer meshreg (unknown migrations: \(unknown.joined(separator: ", "))); upgrade meshreg or use another --db"
    }
}
