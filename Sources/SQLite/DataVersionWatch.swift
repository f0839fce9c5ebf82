#if canImport(Glibc)
import Glibc
#endif
import SQL
import Synchronization
import Threads

/// Hears commits other processes make to the database file, SQLite's counterpart of PostgreSQL's
/// commit listener (docs/ARCHITECTURE.md, "Caches and other writers"). Every
/// `intervalMilliseconds` it reads `PRAGMA data_version` on the pool's writer, whose number
/// moves when any other connection commits and never for the writer's own commits, and calls
/// `onChange` when it moved, or when it could not be read (better an empty cache than a stale one).
/// It reads only when the writer is free: while this process writes, the next interval looks.
///
/// Runs on its own thread until `stop()`, which it notices within one interval.
final class DataVersionWatch: Sendable {
    static let intervalMilliseconds: UInt32 = 5
    private let stopped = Atomic<Bool>(false)

    /// Reads the first version before it returns, so every commit after it is seen.
    init(writer: DatabaseConnection, lock: Lock, onChange: @escaping @Sendable () -> Void) throws {
        let watched = try Watched(writer, lock: lock)
        try OSThread.detach { [self] in
            while !self.stopped.load(ordering: .relaxed) {
                usleep(Self.intervalMilliseconds * 1_000)
                if watched.moved() { onChange() }
            }
        }
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
    }
}

/// The writer, its lock and the last version read. `@unchecked Sendable`: the writer is used only
/// under `lock`, and `seen` only by the watch's thread once `init` has read the first version.
private final class Watched: @unchecked Sendable {
    private let writer: DatabaseConnection
    private let lock: Lock
    private var seen: SQLValue?

    init(_ writer: DatabaseConnection, lock: Lock) throws {
        self.writer = writer
        self.lock = lock
        seen = try lock.withLock { try Self.version(writer) }
    }

    /// Whether the version moved since the last read, or could not be read; false when the writer is busy.
    func moved() -> Bool {
        guard lock.tryLock() else { return false }
        defer { lock.unlock() }
        guard let version = try? Self.version(writer) else { return true }
        defer { seen = version }
        return version != seen
    }

    private static func version(_ writer: DatabaseConnection) throws -> SQLValue? {
        try writer.query("PRAGMA data_version").first?[0]
    }
}
