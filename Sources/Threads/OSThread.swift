#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a dedicated OS thread, outside Swift concurrency's cooperative pool.
///
/// Threads that block (in `recv`, in SQLite, in `sigwait`, in a sleep between sweeps) must not
/// run on the cooperative pool: they would starve every async task in the process.
public enum OSThread {
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new detached thread.
    public static func detach(_ body: @escaping @Sendable () -> Void) throws(ThreadStartError) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let result = pthread_create(&thread, &attributes, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            work.body()
            return nil
        }, work)
        if result != 0 {
            Unmanaged<Work>.fromOpaque(work).release()
            throw ThreadStartError(errorNumber: result)
        }
    }
}

/// `pthread_create` failed, with its error number (EAGAIN: out of threads or memory).
public struct ThreadStartError: Error, CustomStringConvertible {
    public let errorNumber: Int32
    public var description: String { "cannot start a thread: \(String(cString: strerror(errorNumber)))" }
}
