/// One database connection as the registry's stores use it, whatever the engine
/// (docs/ARCHITECTURE.md, "Storage seam"). Statements write `?` for parameters; an engine that
/// numbers them translates. Used by one thread at a time.
public protocol SQLConnection: AnyObject {
    /// The engine's spelling of what standard SQL leaves open.
    var dialect: SQLDialect { get }

    /// Runs a statement with bound parameters and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [any SQLBindable]) throws -> [Row]

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    func run(_ sql: String, _ values: [any SQLBindable]) throws -> Int

    /// Runs statements without parameters.
    func execute(_ sql: String) throws

    /// Runs `body` in a transaction, or in a savepoint when one is open: committed (released) when
    /// it returns, rolled back when it throws.
    func transaction<Result>(_ body: () throws -> Result) throws -> Result
}

extension SQLConnection {
    @discardableResult
    public func query(_ sql: String) throws -> [Row] { try query(sql, []) }

    @discardableResult
    public func run(_ sql: String) throws -> Int { try run(sql, []) }
}
