import Dispatch
import HTTPProtocol
import Synchronization

/// Slows down clients that keep sending bad tokens: after a few failures in a window, each
/// further failed attempt from the same address is answered later, doubling up to a cap.
/// Successful requests are never delayed. The delay rides on the response (`HTTPResponse.delay`):
/// the server's timer sends it, so no thread sleeps through it.
final class AuthenticationThrottle: Sendable {
    private struct Record {
        var failures: Int
        var windowStart: UInt64
    }

    private let records = Mutex<[String: Record]>([:])
    private let allowedFailures: Int
    private let window: UInt64
    private let maximumDelayMilliseconds: Int

    init(allowedFailures: Int = 5, windowSeconds: UInt64 = 60, maximumDelayMilliseconds: Int = 2_000) {
        self.allowedFailures = allowedFailures
        self.window = windowSeconds * 1_000_000_000
        self.maximumDelayMilliseconds = maximumDelayMilliseconds
    }

    /// Records a failed authentication from `address` and returns the milliseconds to wait before answering.
    func delayAfterFailure(from address: String) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        let failures = records.withLock { records in
            if records.count > 100_000 { records.removeAll() }
            var record = records[address] ?? Record(failures: 0, windowStart: now)
            if now - record.windowStart > window { record = Record(failures: 0, windowStart: now) }
            record.failures += 1
            records[address] = record
            return record.failures
        }
        guard failures > allowedFailures else { return 0 }
        return min(50 << min(failures - allowedFailures, 10), maximumDelayMilliseconds)
    }

    /// Records a failure and holds `response` for the delay it earns.
    func delaying(_ response: HTTPResponse, afterFailureFrom address: String?) -> HTTPResponse {
        var response = response
        response.delay = .milliseconds(delayAfterFailure(from: address ?? "local"))
        return response
    }
}
