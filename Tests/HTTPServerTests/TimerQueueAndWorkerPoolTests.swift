#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Dispatch
@testable import HTTPServer
import Synchronization
import Testing

/// The event loop's helpers: its clock, the deadline heap and the bounded worker pool.
@Suite struct TimerQueueAndWorkerPoolTests {
    @Test func theTimerQueueHandsOutDueEntriesEarliestFirstAndKeepsTheRest() {
        let start = MonotonicInstant.now
        var generator = SystemRandomNumberGenerator()
        let offsets = (0..<500).map { _ in Int.random(in: 0..<10_000, using: &generator) }
        var queue = TimerQueue()
        for (index, offset) in offsets.enumerated() {
            queue.insert(TimerQueue.Entry(deadline: start + .milliseconds(offset), slot: Int32(index), serial: UInt64(index)))
        }
        var popped: [MonotonicInstant] = []
        while let entry = queue.popDue(now: start + .milliseconds(5_000)) { popped.append(entry.deadline) }
        #expect(popped == popped.sorted())
        #expect(popped.count == offsets.filter { $0 <= 5_000 }.count)
        #expect(queue.count == offsets.count - popped.count)
        #expect(queue.earliest.map { $0 > start + .milliseconds(5_000) } ?? true)
    }

    @Test(arguments: [Duration.nanoseconds(1), .milliseconds(1_500), .seconds(-3), .seconds(86_400 * 365), .zero])
    func theClockAddsDurationsToTheNanosecondAndMeasuresThemBack(_ duration: Duration) {
        let start = MonotonicInstant.now
        let later = start + duration
        #expect(start.duration(to: later) == duration)
        #expect(later.duration(to: start) == .zero - duration)
        #expect((later > start) == (duration > .zero))
    }

    @Test func theClockSaturatesInsteadOfWrappingAround() {
        let start = MonotonicInstant.now
        #expect(start + .seconds(Int64.max) == MonotonicInstant(nanoseconds: .max), "a timeout of forever is a deadline at the clock's end")
        #expect(start + .seconds(Int64.min) == MonotonicInstant(nanoseconds: .min))
        #expect(MonotonicInstant(nanoseconds: .max - 1) + .nanoseconds(5) == MonotonicInstant(nanoseconds: .max))
        // Whole seconds that fit, with a fraction that tips the sum over.
        #expect(MonotonicInstant(nanoseconds: 0) + (.nanoseconds(Int64.max) + .nanoseconds(1)) == MonotonicInstant(nanoseconds: .max))
        #expect(MonotonicInstant(nanoseconds: 0) + (.nanoseconds(Int64.min) - .nanoseconds(1)) == MonotonicInstant(nanoseconds: .min))
        #expect(MonotonicInstant(nanoseconds: .min) + .nanoseconds(-1) == MonotonicInstant(nanoseconds: .min), "a negative duration saturates downwards")
        let ends = (MonotonicInstant(nanoseconds: .min), MonotonicInstant(nanoseconds: .max))
        #expect(ends.0.duration(to: ends.1) == .nanoseconds(Int64.max) - .nanoseconds(Int64.min), "the clock's whole span is measured exactly")
        #expect(ends.1.duration(to: ends.0) == .nanoseconds(Int64.min) - .nanoseconds(Int64.max))
    }

    @Test func aPoolRunsEveryJobWithNeverMoreThreadsThanItsCap() {
        let pool = WorkerPool(maximumThreads: 3)
        let running = Mutex((now: 0, most: 0, done: 0))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<40 {
            pool.submit {
                running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                usleep(2_000)
                running.withLock { $0.now -= 1; $0.done += 1 }
                finished.signal()
            }
        }
        for _ in 0..<40 { finished.wait() }
        let counts = running.withLock { $0 }
        #expect(counts.done == 40)
        #expect(counts.most <= 3)
        #expect(counts.most >= 2, "jobs queued past one thread start more")
        #expect(pool.threadCount <= 3)
        pool.stop()
    }
}
