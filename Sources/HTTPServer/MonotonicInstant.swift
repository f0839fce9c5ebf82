#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A point on the monotonic clock (`CLOCK_MONOTONIC`, epoll's clock: time the system spends
/// suspended does not count), in nanoseconds: the time of the connection state machine, its
/// deadlines and the timer queue.
///
/// Not `ContinuousClock.Instant`, which the standard library does not freeze: every struct and
/// enum holding one has a layout known only at run time, so the state machine's every copy,
/// switch and optional went through runtime witnesses, nearly a fifth of a cached GET's
/// instructions (docs/ARCHITECTURE.md, "What a request costs on the loop").
package struct MonotonicInstant: Comparable, Hashable, Sendable {
    package var nanoseconds: Int64

    package init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    package static var now: MonotonicInstant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return MonotonicInstant(nanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The instant `duration` later (earlier when negative), saturating at the clock's ends.
    package static func + (instant: MonotonicInstant, duration: Duration) -> MonotonicInstant {
        let (seconds, attoseconds) = duration.components
        let (whole, multiplyOverflowed) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (offset, offsetOverflowed) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        let (sum, sumOverflowed) = instant.nanoseconds.addingReportingOverflow(offset)
        guard !multiplyOverflowed, !offsetOverflowed, !sumOverflowed else {
            return MonotonicInstant(nanoseconds: duration < .zero ? .min : .max)
        }
        return MonotonicInstant(nanoseconds: sum)
    }

    package static func += (instant: inout MonotonicInstant, duration: Duration) {
        instant = instant + duration
    }

    /// The time from this instant to `later` (negative when `later` is earlier).
    package func duration(to later: MonotonicInstant) -> Duration {
        let (difference, overflowed) = later.nanoseconds.subtractingReportingOverflow(nanoseconds)
        return overflowed ? .nanoseconds(later.nanoseconds) - .nanoseconds(nanoseconds) : .nanoseconds(difference)
    }

    package static func < (left: MonotonicInstant, right: MonotonicInstant) -> Bool {
        left.nanoseconds < right.nanoseconds
    }
}
