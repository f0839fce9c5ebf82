#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import HTTPProtocol
import Synchronization
import Threads

/// An HTTP/1.1 server on non-blocking sockets: one epoll event loop per core owns its
/// connections, and the responder runs on a bounded worker pool (docs/ARCHITECTURE.md, "Event loops").
///
/// Why: a keep-alive connection costs a few hundred bytes instead of a thread, so tens of
/// thousands can stay open; a request costs no thread switch on the loop side; and handlers,
/// which call SQLite and block, still never run on Swift concurrency's cooperative pool.
public final class HTTPServer: Sendable {
    private let configuration: Configuration
    private let responder: any HTTPResponder
    private let running = Mutex<Running?>(nil)

    /// The parts of a started server.
    private struct Running: Sendable {
        var state: ServerState
        var loops: [EventLoop]
        var runningLoops: ConditionLock<Int>
    }

    public init(configuration: Configuration, responder: some HTTPResponder) {
        precondition(configuration.maxConnections > 0, "maxConnections must be positive")
        precondition(configuration.eventLoops > 0 && configuration.workerThreads > 0 && configuration.longWaitThreads > 0,
                     "a server needs an event loop and workers")
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds, listens and starts the event loops; returns the bound port (the chosen one for port 0).
    public func start() throws(SocketError) -> Int {
        signal(SIGPIPE, SIG_IGN)
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
        let port: Int
        let state = ServerState(configuration: configuration, responder: responder, listener: listener)
        var loops: [EventLoop] = []
        do {
            port = try listener.localPort()
            for _ in 0..<configuration.eventLoops { loops.append(try EventLoop(server: state)) }
        } catch {
            listener.close()
            throw error
        }
        let runningLoops = ConditionLock(0)
        running.withLock { current in
            precondition(current == nil, "an HTTPServer is started once")
            current = Running(state: state, loops: loops, runningLoops: runningLoops)
        }
        for loop in loops {
            runningLoops.update { $0 += 1 }
            do {
                try OSThread.detach {
                    loop.run()
                    runningLoops.update { $0 -= 1 }
                }
            } catch {
                runningLoops.update { $0 -= 1 }
                shutdown(gracePeriod: .zero)
                throw SocketError(call: "pthread_create", errorNumber: error.errorNumber)
            }
        }
        return port
    }

    /// Stops accepting, closes idle connections and lets in-flight requests finish; after the
    /// grace period the remaining connections are cut. Returns when every connection is closed.
    public func shutdown(gracePeriod: Duration) {
        guard let running = running.withLock({ $0 }) else { return }
        running.state.beginStopping()
        for loop in running.loops { loop.wake() }
        if running.runningLoops.wait(until: { $0 == 0 }, deadline: .now + gracePeriod, then: { _ in true }) == nil {
            running.state.beginCutting()
            for loop in running.loops { loop.wake() }
            running.runningLoops.wait(until: { $0 == 0 }) { _ in }
        }
        finish(running)
    }

    /// Blocks until the server has stopped (after `shutdown`); returns at once if never started.
    public func waitUntilStopped() {
        guard let running = running.withLock({ $0 }) else { return }
        running.runningLoops.wait(until: { $0 == 0 }) { _ in }
    }

    /// Raises this process's open-file limit to its hard limit and returns the new limit: each
    /// connection holds a descriptor, and the usual soft limit (1024) is far below the cap.
    public static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(RLIMIT_NOFILE_VALUE, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The most connections a descriptor limit allows, keeping `reservedDescriptors` for the
    /// database, the listener, the loops and outgoing webhooks.
    public static func connectionCap(requested: Int, descriptorLimit: Int, reservedDescriptors: Int = 128) -> Int {
        max(1, min(requested, descriptorLimit - reservedDescriptors))
    }

    /// Closes the listener once no loop watches it any more, and lets the workers end.
    private func finish(_ running: Running) {
        running.state.closeListenerOnce()
        running.state.workerPool.stop()
        running.state.longWaitPool.stop()
    }
}

#if canImport(Glibc)
private let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
private let RLIMIT_NOFILE_VALUE = RLIMIT_NOFILE
#endif
