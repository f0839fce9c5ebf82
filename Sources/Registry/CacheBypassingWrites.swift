import SQL

/// A serving registry's database: each write is bracketed by the current-revision cache's
/// `writeBegins` and `writeEnds`, so the cache is bypassed from before the write's commit until
/// after it, and emptied then whether it committed or not (docs/ARCHITECTURE.md, "Caches and
/// other writers"). Reads pass through.
struct CacheBypassingWrites: SQLDatabase {
    let database: any SQLDatabase
    let cache: CurrentRevisionCache

    var dialect: SQLDialect { database.dialect }

    func write<Result>(_ body: (any SQLConnection) throws -> Result) throws -> Result {
        cache.writeBegins()
        defer { cache.writeEnds() }
        return try database.write(body)
    }

    func read<Result>(singleStatement: Bool, _ body: (any SQLConnection) throws -> Result) throws -> Result {
        try database.read(singleStatement: singleStatement, body)
    }

    func sizeInBytes() throws -> Int { try database.sizeInBytes() }
}
