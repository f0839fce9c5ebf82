import Dispatch
import Foundation

/// One writer connection and a small pool of reader connections over one database file
/// (HARD-PARTS §1.2): writes are serialized in `BEGIN IMMEDIATE` transactions, reads run in
/// `BEGIN DEFERRED` transactions on their own connections and see one snapshot each.
///
/// Calls block the calling thread: run them on server threads, never on the cooperative pool.
/// `@unchecked Sendable`: the writer is guarded by `writerLock`, the idle readers by
/// `readersLock`, and a connection is only ever used by the thread that took it.
public final class DatabasePool: @unchecked Sendable {
    public let path: String
    private let writer: DatabaseConnection
    private let writerLock = NSLock()
    private var idleReaders: [DatabaseConnection] = []
    private let readersLock = NSLock()
    private let readerSlots: DispatchSemaphore
    private let sharesWriterForReads: Bool

    /// Opens the database, switches it to WAL and applies `migrator`.
    public init(path: String, maximumReaders: Int = 4, migrator: Migrator? = nil) throws {
        self.path = path
        self.writer = try DatabaseConnection(path: path)
        self.sharesWriterForReads = path == ":memory:" || path.isEmpty
        self.readerSlots = DispatchSemaphore(value: max(1, maximumReaders))
        if !sharesWriterForReads { try writer.enableWriteAheadLog() }
        // 32 MiB of page cache for the writer, so a large apply does not spill pages mid-transaction.
        try writer.execute("PRAGMA cache_size = -32768")
        try migrator?.migrate(writer)
    }

    /// Runs `body` in an IMMEDIATE transaction on the writer; it commits when `body` returns.
    @discardableResult
    public func write<Result>(_ body: (DatabaseConnection) throws -> Result) throws -> Result {
        writerLock.lock()
        defer { writerLock.unlock() }
        return try writer.transaction(.immediate) { try body(writer) }
    }

    /// Runs `body` in a DEFERRED transaction on a reader, so its statements see one snapshot.
    @discardableResult
    public func read<Result>(_ body: (DatabaseConnection) throws -> Result) throws -> Result {
        if sharesWriterForReads {
            writerLock.lock()
            defer { writerLock.unlock() }
            return try writer.transaction(.deferred) { try body(writer) }
        }
        readerSlots.wait()
        defer { readerSlots.signal() }
        let reader = try takeReader()
        defer { returnReader(reader) }
        return try reader.transaction(.deferred) { try body(reader) }
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
