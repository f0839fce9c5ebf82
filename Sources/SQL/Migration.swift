/// A named schema change, for either engine's migrator. Shipped migrations are never edited:
/// new ones are appended.
public struct Migration: Sendable {
    public var name: String
    public var sql: String

    public init(_ name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}
