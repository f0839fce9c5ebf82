import Threads
/// A bounded pool of OS threads for work that may block (the responder, which may wait on the
/// database), outside Swift concurrency's cooperative pool and off the event loops.
///
/// Threads start on demand, when a job finds no idle thread, up to `maximumThreads`; past it
/// jobs queue. `stop()` lets the threads finish the queue and end.
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    private struct State {
        var jobs: [Job] = []
        var nextJob = 0
        var threads = 0
        var idleThreads = 0
        var isStopping = false

        var queuedCount: Int { jobs.count - nextJob }

        mutating func takeJob() -> Job? {
            guard nextJob < jobs.count else { return nil }
            let job = jobs[nextJob]
            nextJob += 1
            if nextJob == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                nextJob = 0
            }
            return job
        }
    }

    let maximumThreads: Int
    private let state = ConditionLock(State())

    init(maximumThreads: Int) {
        precondition(maximumThreads > 0, "a worker pool needs a thread")
        self.maximumThreads = maximumThreads
    }

    /// How many threads have started (for tests and diagnostics).
    var threadCount: Int { state.withLock { $0.threads } }

    /// Queues `job`; a waiting thread takes it, or a new one starts if the cap allows.
    func submit(_ job: @escaping Job) {
        let startsThread = state.updateWakingOne { state in
            state.jobs.append(job)
            guard state.queuedCount > state.idleThreads, state.threads < maximumThreads else { return false }
            state.threads += 1
            state.idleThreads += 1
            return true
        }
        guard startsThread else { return }
        do {
            try OSThread.detach { [self] in work() }
        } catch {
            // The queued job waits for a thread that exists; with none, the next submit tries again.
            state.withLock { state in
                state.threads -= 1
                state.idleThreads -= 1
            }
        }
    }

    /// Lets the threads end once the queue is empty.
    func stop() {
        state.update { $0.isStopping = true }
    }

    private func work() {
        while true {
            let job = state.wait(until: { $0.queuedCount > 0 || $0.isStopping }) { state -> Job? in
                guard let job = state.takeJob() else {
                    state.threads -= 1
                    state.idleThreads -= 1
                    return nil
                }
                state.idleThreads -= 1
                return job
            }
            guard let job = job ?? nil else { return }
            job()
            state.withLock { $0.idleThreads += 1 }
        }
    }
}
