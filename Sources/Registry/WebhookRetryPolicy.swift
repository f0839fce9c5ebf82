/// When to try a failed delivery again: exponential backoff with jitter, for up to 24 hours
/// of failing on the same event, then the subscription is marked failing.
public struct WebhookRetryPolicy: Sendable, Hashable {
    public var firstDelay: Double = 1
    public var maximumDelay: Double = 3_600
    /// How long one event may keep failing before the subscription is marked failing.
    public var giveUpAfter: Double = 86_400

    public init(firstDelay: Double = 1, maximumDelay: Double = 3_600, giveUpAfter: Double = 86_400) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.giveUpAfter = giveUpAfter
    }

    /// Seconds to wait after the `attempt`-th failure (1, 2, …): `firstDelay · 2^(attempt-1)`,
    /// capped, then scaled by `jitter` (0…1) into its upper half, so failing receivers are not
    /// hit by every subscription at once.
    public func delay(afterAttempt attempt: Int, jitter: Double) -> Double {
        let exponential = firstDelay * Double(1 << min(max(attempt - 1, 0), 30))
        return min(exponential, maximumDelay) * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }
}
