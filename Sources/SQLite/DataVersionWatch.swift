#if canImport(Glibc)
import Glibc
#endif
import SQL
import Synchronization
import Threads

/// Hears commits other processes make to the database file, SQLite's counterpart of PostgreSQL's
/// commit listener (docs/ARCHITECTURE.md, "Caches and other writers"): on a connection of its
/// own it reads `PRAGMA data_version`, which changes when any other connection commits, every
/// `intervalMilliseconds`, and calls `onChange` when it moved. This process's own commits move it
/// too (they come from another connection), which only empties a cache once more.
///
/// Runs on its own thread until `stop()`, which it notices within one interval.
final class DataVersionWatch: Sendable {
    static let intervalMilliseconds: UInt32 = 5
    private let stopped = Atomic<Bool>(false)

    /// Reads the first version before it returns, so every commit after it is seen.
    init(path: String, onChange: @escaping @Sendable () -> Void) throws {
        let watched = try Watched(DatabaseConnection(path: path, mode: .readOnly))
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

/// The watch's connection and the last version it read, used by the watch's thread alone once
/// `init` has read the first. `@unchecked Sendable`: handed over once, before the thread starts.
private final class Watched: @unchecked Sendable {
    private let connection: DatabaseConnection
    private var seen: SQLValue?

    init(_ connection: DatabaseConnection) throws {
        self.connection = connection
        seen = try connection.query("PRAGMA data_version").first?[0]
    }

    /// Whether the version moved since the last read. A read that fails (the file busy past the
    /// busy timeout) says no, and the next one looks again.
    func moved() -> Bool {
        guard let version = try? connection.query("PRAGMA data_version").first?[0], version != seen else { return false }
        seen = version
        return true
    }
}
