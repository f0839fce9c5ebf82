import SQL
import Threads

/// A session-level advisory lock on a connection of its own, for a job that one process on the
/// database does at a time (docs/ARCHITECTURE.md, "PostgreSQL"). The server releases it when the
/// session ends, so when its holder dies or loses its connection another process takes it over
/// at its next `isHeld()`.
///
/// `@unchecked Sendable`: `connection` is guarded by `lock`.
public final class SessionAdvisoryLock: @unchecked Sendable {
    private let uri: String
    private let key: Int64
    private let lock = Lock()
    /// The session holding the lock; nil while another process holds it or the server is out of reach.
    private var connection: PostgresConnection?

    public init(uri: String, key: Int64) {
        self.uri = uri
        self.key = key
    }

    /// Whether this process holds the lock now: when it does not, tries to take it
    /// (`pg_try_advisory_lock`, never waiting); when it does, checks that its session still lives.
    public func isHeld() -> Bool {
        lock.withLock {
            do {
                if let connection {
                    _ = try connection.query("SELECT 1")
                    return true
                }
                let candidate = try PostgresConnection(uri: uri, applicationName: "meshreg-leader")
                let taken = try candidate.query("SELECT CASE WHEN pg_try_advisory_lock(?) THEN 1 ELSE 0 END AS taken", [key])
                if taken.first?.bool("taken") == true { connection = candidate }
                return connection != nil
            } catch {
                connection = nil
                return false
            }
        }
    }

    /// Gives the lock up by ending its session.
    public func release() {
        lock.withLock { connection = nil }
    }
}
