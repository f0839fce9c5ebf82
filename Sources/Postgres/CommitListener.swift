#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Threads

/// Hears, on a connection of its own, the notification every write on the database sends when
/// it commits, and calls `onCommit` for each batch of them that holds one from another process
/// (their payload is not `ignoring`; docs/ARCHITECTURE.md, "PostgreSQL"): how a replica learns,
/// within milliseconds, that another one wrote. Without its connection it
/// cannot hear, so it calls `onCommit` when it loses it and every second until it has it back
/// (notifications sent meanwhile are gone), and once more when it reconnects.
///
/// Runs on its own thread until `stop()`, which it notices within a second.
final class CommitListener: Sendable {
    private let stopped = Atomic<Bool>(false)

    /// Starts listening before it returns, so every commit after it is heard.
    init(uri: String, channel: String, ignoring ownPayload: String, onCommit: @escaping @Sendable () -> Void) throws {
        let first = Handover(try Self.connect(uri: uri, channel: channel))
        try OSThread.detach { [self] in
            var connection: PostgresConnection? = first.connection
            while !self.stopped.load(ordering: .relaxed) {
                do {
                    if connection == nil {
                        connection = try Self.connect(uri: uri, channel: channel)
                        onCommit()
                    }
                    let heard = try connection?.notifications(waitingUpTo: 1_000) ?? []
                    if heard.contains(where: { $0.payload != ownPayload }) { onCommit() }
                } catch {
                    connection = nil
                    onCommit()
                    sleep(1)
                }
            }
        }
    }

    private static func connect(uri: String, channel: String) throws -> PostgresConnection {
        let connection = try PostgresConnection(uri: uri, applicationName: "meshreg-listener")
        try connection.listen(channel)
        return connection
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
    }
}

/// The first connection, made in `init` and used by the listener's thread alone from then on.
/// `@unchecked Sendable`: handed over once, before the thread starts, and never touched by `init` again.
private final class Handover: @unchecked Sendable {
    let connection: PostgresConnection
    init(_ connection: PostgresConnection) { self.connection = connection }
}
