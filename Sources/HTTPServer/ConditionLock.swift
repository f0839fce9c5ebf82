#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex with a condition variable, for threads that must block until state changes.
///
/// `@unchecked Sendable`: the guarded value is only touched inside `withLock`, under `mutex`.
final class ConditionLock<State>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State

    init(_ state: State) {
        self.state = state
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Runs `body` with the state locked.
    func withLock<Result>(_ body: (inout State) -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body(&state)
    }

    /// Changes the state and wakes every thread waiting in `wait(until:deadline:)`.
    func update<Result>(_ body: (inout State) -> Result) -> Result {
        change(body, waking: pthread_cond_broadcast)
    }

    /// Changes the state and wakes one thread waiting in `wait(until:deadline:)` (a job for one worker).
    func updateWakingOne<Result>(_ body: (inout State) -> Result) -> Result {
        change(body, waking: pthread_cond_signal)
    }

    private func change<Result>(_ body: (inout State) -> Result, waking wake: (UnsafeMutablePointer<pthread_cond_t>) -> Int32) -> Result {
        pthread_mutex_lock(mutex)
        defer {
            _ = wake(condition)
            pthread_mutex_unlock(mutex)
        }
        return body(&state)
    }

    /// Blocks until `predicate` holds (then runs `body` under the lock) or the deadline passes.
    ///
    /// Returns nil on timeout.
    func wait<Result>(
        until predicate: (State) -> Bool,
        deadline: ContinuousClock.Instant? = nil,
        then body: (inout State) -> Result
    ) -> Result? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !predicate(state) {
            guard let deadline else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return nil }
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let (seconds, attoseconds) = remaining.components
            var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
            var wholeSeconds = Int(now.tv_sec) + Int(seconds) + nanoseconds / 1_000_000_000
            nanoseconds %= 1_000_000_000
            wholeSeconds = min(wholeSeconds, Int.max / 2)
            var absolute = timespec(tv_sec: wholeSeconds, tv_nsec: nanoseconds)
            pthread_cond_timedwait(condition, mutex, &absolute)
        }
        return body(&state)
    }
}
