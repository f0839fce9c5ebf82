import Synchronization

/// Names each request for the log and the `X-Request-Id` header: a random prefix drawn once per
/// API instance, then a counter, so ids are unique within a process and unlikely to repeat across
/// restarts, at the cost of one atomic increment per request.
final class RequestIdentifiers: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        prefix = String(repeating: "0", count: 8 - random.count) + random
    }

    /// The next id, e.g. `5f0c9a1e-1b`.
    func next() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number, radix: 16)
    }
}
