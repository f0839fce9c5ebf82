import Dispatch
import SQL
import Threads

/// One writer connection and a small pool of reader connections over one database file
/// (docs/ARCHITECTURE.md, "Write path"): writes are serialized on the writer, reads run in `BEGIN DEFERRED`
/// transactions on their own connections and see one snapshot each.
///
/// Writes are group-committed: concurrent writes queue, and whichever caller finds no batch
/// running becomes the leader and runs everything queued in one `BEGIN IMMEDIATE` transaction,
/// each write in its own savepoint. A write that throws rolls back only its savepoint; every
/// caller returns only after the batch's COMMIT, so an acknowledged write is a committed one.
/// One commit and no lock hand-over per write is what lets 64 clients write at once.
///
/// Calls block the calling thread: run them on server threads, never on the cooperative pool.
/// `@unchecked Sendable`: the writer is guarded by `writerLock`, the write queue is a `BatchingQueue`,
/// the idle readers by `readersLock`, and a connection is used by one thread at a time.
public final class DatabasePool: SQLDatabase, @unchecked Sendable {
    /// The most writes one transaction takes: a longer one would delay its first callers' answers
    /// and the WAL checkpoint for the sake of its last.
    static let maximumBatch = 128

    public let path: String
    private let writer: DatabaseConnection
    private let writerLock = Lock()
    private let writes = BatchingQueue<DatabaseConnection>(maximumBatch: DatabasePool.maximumBatch)
    private var idleReaders: [DatabaseConnection] = []
    private let readersLock = Lock()
    private let readerSlots: DispatchSemaphore
    private let sharesWriterForReads: Bool
    private let afterCommit: (@Sendable () -> Void)?
    private let watch: DataVersionWatch?

    /// Opens the database, switches it to WAL and applies `migrator`. `afterCommit` runs once
    /// after every batch, before its callers return, so readers waiting for news can look again
    /// (a batch that failed wakes them for nothing, which is harmless). `afterCommitElsewhere`, on a
    /// thread of its own, within a few milliseconds of a commit by another process on the file.
    public init(path: String, maximumReaders: Int = 4, migrator: Migrator? = nil, afterCommit: (@Sendable () -> Void)? = nil,
                afterCommitElsewhere: (@Sendable () -> Void)? = nil) throws {
        self.path = path
        self.afterCommit = afterCommit
        self.writer = try DatabaseConnection(path: path)
        self.sharesWriterForReads = path == ":memory:" || path.isEmpty
        self.readerSlots = DispatchSemaphore(value: max(1, maximumReaders))
        if !sharesWriterForReads { try writer.enableWriteAheadLog() }
        // 32 MiB of page cache for the writer, so a large apply does not spill pages mid-transaction.
        try writer.execute("PRAGMA cache_size = -32768")
        try migrator?.migrate(writer)
        // An in-memory database has no other process to hear.
        let (writer, writerLock) = (writer, writerLock)
        watch = sharesWriterForReads ? nil : try afterCommitElsewhere.map { try DataVersionWatch(writer: writer, lock: writerLock, onChange: $0) }
    }

    deinit {
        watch?.stop()
    }

    /// Runs `body` on the writer in a transaction of its own (a savepoint of the batch's
    /// IMMEDIATE transaction) and returns once that has committed. When `body` throws, nothing
    /// it wrote is kept.
    @discardableResult
    public func write<Result>(_ body: (any SQLConnection) throws -> Result) throws -> Result {
        try withoutActuallyEscaping(body) { body in
            var outcome: Swift.Result<Result, any Error>?
            try writes.submit({ writer in outcome = Swift.Result { try writer.transaction(.immediate) { try body(writer) } } }) { batch in
                run(batch)
                afterCommit?()
            }
            return try outcome!.get()
        }
    }

    /// Writes waiting for the next batch (tests use it to build one).
    var queuedWriteCount: Int { writes.queuedCount }

    /// Runs `batch` in as few transactions as it can: when SQLite rolls a whole transaction back
    /// (a full disk, an I/O error), the writes already in it fail with that error and the rest
    /// go on in a new one.
    private func run(_ batch: [BatchingQueue<DatabaseConnection>.Item]) {
        writerLock.lock()
        defer { writerLock.unlock() }
        var next = 0
        while next < batch.count {
            let first = next
            do {
                try writer.transaction(.immediate) {
                    while next < batch.count {
                        batch[next].run(on: writer)
                        next += 1
                        if !writer.isInTransaction { throw SQLiteError.rolledBack }
                    }
                }
            } catch {
                for queued in batch[first..<max(next, first + 1)] { queued.failure = error }
                next = max(next, first + 1)
            }
        }
    }

    /// Runs `body` in a DEFERRED transaction on a reader, so its statements see one snapshot.
    /// A body that runs one statement may pass `singleStatement` to skip BEGIN and COMMIT: SQLite
    /// runs each statement in a snapshot of its own.
    @discardableResult
    public func read<Result>(singleStatement: Bool = false, _ body: (any SQLConnection) throws -> Result) throws -> Result {
        func run(on connection: DatabaseConnection) throws -> Result {
            singleStatement ? try body(connection) : try connection.transaction(.deferred) { try body(connection) }
        }
        if sharesWriterForReads {
            writerLock.lock()
            defer { writerLock.unlock() }
            return try run(on: writer)
        }
        readerSlots.wait()
        defer { readerSlots.signal() }
        let reader = try takeReader()
        defer { returnReader(reader) }
        return try run(on: reader)
    }

    public var dialect: SQLDialect { .sqlite }

    /// The file's size: its page count times its page size.
    public func sizeInBytes() throws -> Int {
        try read(singleStatement: true) { db in
            let pages = try db.query("PRAGMA page_count").first?[0]
            let pageSize = try db.query("PRAGMA page_size").first?[0]
            guard case .integer(let count)? = pages, case .integer(let size)? = pageSize else { return 0 }
            return Int(count * size)
        }
    }

    private func takeReader() throws -> DatabaseConnection {
        readersLock.lock()
        let idle = idleReaders.popLast()
        readersLock.unlock()
        return try idle ?? DatabaseConnection(path: path, mode: .readOnly)
    }

    private func returnReader(_ reader: DatabaseConnection) {
        readersLock.lock()
        idleReaders.append(reader)
        readersLock.unlock()
    }
}
