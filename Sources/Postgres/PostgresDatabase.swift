import Dispatch
import FoundationEssentials
import SQL
import Threads

/// A registry database on PostgreSQL for one process (docs/ARCHITECTURE.md, "PostgreSQL"): a pool
/// of at most `maximumConnections` libpq connections, reads in REPEATABLE READ snapshots, and
/// writes serialized across every process on the database by a transaction-level advisory lock
/// taken first in each write transaction: PostgreSQL's counterpart of SQLite's single writer, so
/// whatever a write reads (the audit chain's head, the next subject version or schema id, a
/// revision for If-Match) no other write changes before it commits. Writes run in READ COMMITTED:
/// each statement after the lock sees every write committed before it.
///
/// Writes are group-committed as on SQLite: concurrent writes of this process queue, and the
/// leader runs up to `maximumBatch` of them in one transaction under one lock, each in its own
/// savepoint, then commits once; every caller returns only after that COMMIT.
///
/// A connection that fails is dropped with every idle one (after a server restart they are all
/// gone); the next call connects anew, so the pool recovers by itself. A read that fails that way
/// is tried once more on a new connection; a write is not, since its COMMIT may have been sent.
///
/// `@unchecked Sendable`: the idle connections are guarded by `lock`, the write queue is a
/// `BatchingQueue`, and a connection is used by one thread at a time.
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    private let uri: String
    private let statementTimeoutMilliseconds: Int
    private let writeLockKey: Int64
    private let slots: DispatchSemaphore
    private let lock = Lock()
    private var idle: [PostgresConnection] = []
    private let afterCommit: (@Sendable () -> Void)?
    private let listener: CommitListener?
    private let writes = BatchingQueue<PostgresConnection>(maximumBatch: PostgresDatabase.maximumBatch)
    /// The payload of this process's commit notifications, so its own listener can tell them from
    /// other replicas' (it already knows of its own commits).
    private let processTag = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    /// The most writes one transaction takes. Each write's savepoint takes a subtransaction id,
    /// and past 64 of them in one transaction every other session's snapshots must look them up
    /// in `pg_subtrans` (the subxid cache overflows), slowing every reader; 32 leaves room for the
    /// nested savepoints of an `apply`.
    static let maximumBatch = 32

    /// The channel every write notifies when it commits.
    static let commitChannel = "meshreg_commits"

    /// How long a call waits for a free connection before it is answered busy.
    static let connectionWaitSeconds = 10.0

    /// Connects, applies `migrator` under its advisory lock and keeps the connection for the pool.
    /// `afterCommit` runs after every write of this process that committed; `afterCommitElsewhere`,
    /// on a thread of its own, soon after a commit by another process on the database (see `CommitListener`).
    public init(uri: String, maximumConnections: Int = 8, statementTimeoutMilliseconds: Int = 30_000, writeLockKey: Int64,
                migrator: PostgresMigrator? = nil, afterCommit: (@Sendable () -> Void)? = nil,
                afterCommitElsewhere: (@Sendable () -> Void)? = nil) throws {
        self.uri = uri
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.writeLockKey = writeLockKey
        self.afterCommit = afterCommit
        slots = DispatchSemaphore(value: max(1, maximumConnections))
        let first = try PostgresConnection(uri: uri, statementTimeoutMilliseconds: statementTimeoutMilliseconds)
        try migrator?.migrate(first)
        idle = [first]
        let processTag = processTag
        listener = try afterCommitElsewhere.map {
            try CommitListener(uri: uri, channel: Self.commitChannel, ignoring: processTag, onCommit: $0)
        }
    }

    deinit {
        listener?.stop()
    }

    public var dialect: SQLDialect { .postgres }

    /// Runs `body` in a savepoint of the batch's transaction, under the write lock, and returns
    /// once that transaction has committed. When `body` throws, nothing it wrote is kept.
    public func write<Result>(_ body: (any SQLConnection) throws -> Result) throws -> Result {
        try withoutActuallyEscaping(body) { body in
            var outcome: Swift.Result<Result, any Error>?
            try writes.submit({ connection in outcome = Swift.Result { try connection.transaction { try body(connection) } } }) { batch in
                run(batch)
            }
            return try outcome!.get()
        }
    }

    /// Writes waiting for the next batch (tests use it to build one).
    var queuedWriteCount: Int { writes.queuedCount }

    /// Runs `batch` in one transaction: the lock first, then each write in its savepoint, then one
    /// notification for the replicas and the COMMIT. When the transaction fails (a lost connection,
    /// a failed COMMIT), every write of the batch fails with that error, whatever its own outcome.
    private func run(_ batch: [BatchingQueue<PostgresConnection>.Item]) {
        do {
            try withConnection { connection in
                try connection.transaction {
                    try connection.query("SELECT pg_advisory_xact_lock(?)", [writeLockKey])
                    for write in batch { write.run(on: connection) }
                    try connection.query("SELECT pg_notify(?, ?)", [Self.commitChannel, processTag])
                }
            }
        } catch {
            for write in batch { write.failure = error }
            return
        }
        afterCommit?()
    }

    public func read<Result>(singleStatement: Bool = false, _ body: (any SQLConnection) throws -> Result) throws -> Result {
        func attempt() throws -> Result {
            try withConnection { connection in
                singleStatement ? try body(connection) : try connection.snapshot { try body(connection) }
            }
        }
        do {
            return try attempt()
        } catch let error as PostgresError where error.isConnectionFailure {
            return try attempt()
        }
    }

    /// The database's size as `pg_database_size` reports it.
    public func sizeInBytes() throws -> Int {
        try read(singleStatement: true) { connection in
            try connection.query("SELECT pg_database_size(current_database()) AS size").first?.int("size") ?? 0
        }
    }

    /// Whether the server answers a trivial query now, on a pooled connection.
    public func isReachable() -> Bool {
        (try? read(singleStatement: true) { connection in try connection.query("SELECT 1") }) != nil
    }

    private func withConnection<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        guard slots.wait(timeout: .now() + Self.connectionWaitSeconds) == .success else {
            throw PostgresError(sqlState: "55P03", message: "every connection of this replica's pool stayed busy for \(Int(Self.connectionWaitSeconds)) s")
        }
        defer { slots.signal() }
        let connection = try lock.withLock { idle.popLast() }
            ?? PostgresConnection(uri: uri, statementTimeoutMilliseconds: statementTimeoutMilliseconds)
        do {
            let result = try body(connection)
            lock.withLock { idle.append(connection) }
            return result
        } catch let error as PostgresError where error.isConnectionFailure || !connection.isHealthy {
            lock.withLock { idle.removeAll() }
            throw error
        } catch {
            if connection.isHealthy { lock.withLock { idle.append(connection) } }
            throw error
        }
    }
}
