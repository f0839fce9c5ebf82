#if canImport(Glibc)
import Glibc
#endif
import Registry
import Threads

/// What `serve` does in the background, once a minute: drop expired tokens from the token
/// cache (in every process), and for the change log announce grants that expired and prune
/// events older than the retention window, in small batches; on PostgreSQL those two only in the
/// replica that leads housekeeping (`Registry.housekeep`).
struct EventHousekeeping: Sendable {
    let registry: Registry
    /// Seconds events are kept.
    let retention: Double
    let interval = 60

    /// `30d`, `12h`, `90m` or `45s` as seconds; nil for anything else.
    static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let count = Double(text.dropLast()), count > 0 else { return nil }
        switch unit {
        case "d": return count * 86_400
        case "h": return count * 3_600
        case "m": return count * 60
        case "s": return count
        default: return nil
        }
    }

    func start() throws(ThreadStartError) {
        try OSThread.detach { [self] in
            while true {
                runOnce()
                sleep(UInt32(interval))
            }
        }
    }

    func runOnce() {
        do {
            guard let done = try registry.housekeep(eventsOlderThan: retention) else { return }
            if done.expiredGrants > 0 { Terminal.note("events: \(done.expiredGrants) access grants expired") }
            if done.prunedEvents > 0 { Terminal.note("events: pruned \(done.prunedEvents) events older than the retention window") }
        } catch {
            Terminal.note("events: housekeeping failed: \(error); trying again in \(interval) s")
        }
    }
}
