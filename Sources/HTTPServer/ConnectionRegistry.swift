#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Threads

/// The server's shared state: open connections, the listener, and whether it is stopping.
///
/// A socket is shut down by others only while it is registered here, under the lock, and its
/// owner closes it only after removing it; so no thread ever touches a reused descriptor.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        var socket: Socket
        var isIdle: Bool
    }

    private struct State {
        var connections: [Int: Entry] = [:]
        var nextIdentifier = 0
        var listener: Socket?
        var acceptLoopRunning = true
        var isStopping = false
    }

    private let state: ConditionLock<State>
    private let maxConnections: Int

    init(listener: Socket, maxConnections: Int) {
        state = ConditionLock(State(listener: listener))
        self.maxConnections = maxConnections
    }

    var isStopping: Bool { state.withLock { $0.isStopping } }

    /// Blocks the accept loop while the connection cap is reached; false once stopping.
    func waitForFreeSlot() -> Bool {
        state.wait(until: { $0.isStopping || $0.connections.count < maxConnections }) { !$0.isStopping } ?? false
    }

    /// Registers an accepted socket; nil when the server is stopping (the caller closes it).
    func register(_ socket: Socket) -> Int? {
        state.withLock { state in
            guard !state.isStopping else { return nil }
            state.nextIdentifier += 1
            state.connections[state.nextIdentifier] = Entry(socket: socket, isIdle: false)
            return state.nextIdentifier
        }
    }

    /// Marks a connection as waiting between requests; false when it should close instead.
    func markIdle(_ identifier: Int) -> Bool {
        state.withLock { state in
            guard !state.isStopping else { return false }
            state.connections[identifier]?.isIdle = true
            return true
        }
    }

    /// Marks a connection as working on a request: shutdown lets it finish.
    func markBusy(_ identifier: Int) {
        state.withLock { $0.connections[identifier]?.isIdle = false }
    }

    /// Forgets a connection; its owner closes the socket afterwards.
    func remove(_ identifier: Int) {
        state.update { _ = $0.connections.removeValue(forKey: identifier) }
    }

    /// Called once by the accept loop when it ends: closes the listener.
    func acceptLoopFinished() {
        state.update { state in
            state.listener?.close()
            state.listener = nil
            state.acceptLoopRunning = false
        }
    }

    /// Stops accepting and closes idle connections; busy ones finish their request.
    func beginStopping() {
        state.update { state in
            state.isStopping = true
            state.listener?.shutdown(Int32(SHUT_RDWR))
            for entry in state.connections.values where entry.isIdle {
                entry.socket.shutdown(Int32(SHUT_RDWR))
            }
        }
    }

    /// Cuts every remaining connection, for when the grace period is over.
    func shutDownAllConnections() {
        state.withLock { state in
            for entry in state.connections.values {
                entry.socket.shutdown(Int32(SHUT_RDWR))
            }
        }
    }

    /// Waits until the accept loop ended and every connection is gone; false at the deadline.
    @discardableResult
    func waitUntilStopped(deadline: ContinuousClock.Instant? = nil) -> Bool {
        state.wait(until: { !$0.acceptLoopRunning && $0.connections.isEmpty }, deadline: deadline) { _ in true } ?? false
    }
}
