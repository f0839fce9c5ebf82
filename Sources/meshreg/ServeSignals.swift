#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Threads

/// The signals `serve` acts on: SIGTERM and SIGINT stop it, SIGHUP reloads (docs/ARCHITECTURE.md,
/// "Request path"). They are blocked from the start of `serve`, before it starts any thread, so
/// every later thread inherits the block and one thread takes them with `sigwait`. A signal that
/// arrives while the registry opens stays pending until then, rather than being lost to a handler
/// not yet installed (a dispatch signal source installs its own asynchronously after `resume`).
struct ServeSignals {
    private let signals: sigset_t

    /// Blocks the signals on the calling thread; call it before any other thread starts.
    init() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        self.signals = signals
    }

    /// Takes the signals on a thread of its own: the first SIGTERM or SIGINT calls `stop` and ends
    /// the thread; each SIGHUP calls `hangUp`.
    func handle(stop: @escaping @Sendable () -> Void, hangUp: @escaping @Sendable () -> Void) throws(ThreadStartError) {
        let signals = self.signals
        try OSThread.detach {
            var waitedFor = signals
            while true {
                var number: Int32 = 0
                guard sigwait(&waitedFor, &number) == 0 else { continue }
                if number == SIGHUP {
                    hangUp()
                } else {
                    stop()
                    return
                }
            }
        }
    }
}
