/// A registry database whatever the engine (docs/ARCHITECTURE.md, "Storage seam"): reads in one
/// snapshot each, writes one at a time across every process that shares the database.
///
/// Calls block the calling thread: run them on server threads, never on the cooperative pool.
public protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }

    /// Runs `body` in a transaction of its own and returns once that has committed; when `body`
    /// throws, nothing it wrote is kept.
    func write<Result>(_ body: (any SQLConnection) throws -> Result) throws -> Result

    /// Runs `body` in one read snapshot. A body that runs one statement may pass `singleStatement`
    /// to skip opening a transaction: each statement sees a snapshot of its own.
    func read<Result>(singleStatement: Bool, _ body: (any SQLConnection) throws -> Result) throws -> Result

    /// The database's size in bytes, for `/metrics`.
    func sizeInBytes() throws -> Int
}

/// What an engine's errors say about themselves, so callers map them without knowing the engine.
public protocol SQLEngineError: Error {
    /// Another writer holds the database, or a statement ran past its time: retrying later may work.
    var isBusy: Bool { get }
    /// The database cannot be reached or went away.
    var isUnavailable: Bool { get }
    /// A bound text the engine cannot hold (PostgreSQL: a NUL character); the input is at fault.
    var isUnrepresentableText: Bool { get }
    var isUniqueViolation: Bool { get }
    var isForeignKeyViolation: Bool { get }
}

extension SQLDatabase {
    /// `read(singleStatement:_:)` in a transaction.
    public func read<Result>(_ body: (any SQLConnection) throws -> Result) throws -> Result {
        try read(singleStatement: false, body)
    }
}
