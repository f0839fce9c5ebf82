import Threads

/// Wakes readers waiting for new events when a write commits (long polls and streams), with a
/// cap on how many may wait at once: each waiter holds a server thread.
///
/// `@unchecked Sendable`: `commits` and `waiters` are only touched under `condition`.
final class ChangeNotifier: @unchecked Sendable {
    private let condition = Condition()
    private var commits: UInt64 = 0
    private var waiters = 0
    let maximumWaiters: Int

    init(maximumWaiters: Int = 256) {
        self.maximumWaiters = maximumWaiters
    }

    /// How many commits have happened; pass it to `wait` to sleep until the next one.
    var generation: UInt64 {
        condition.lock()
        defer { condition.unlock() }
        return commits
    }

    /// Called after every committed batch of writes.
    func committed() {
        condition.lock()
        commits &+= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Sleeps until a commit after `generation` or `deadline`; false, at once, when
    /// `maximumWaiters` are already waiting.
    func wait(after generation: UInt64, until deadline: ContinuousClock.Instant) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard waiters < maximumWaiters else { return false }
        waiters += 1
        defer { waiters -= 1 }
        while commits == generation, condition.wait(until: deadline) {}
        return true
    }
}
