import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import JSON
import Registry
import Synchronization
import Threads

/// Delivers change events to webhook subscriptions from its own threads, never in a write's
/// path (docs/ARCHITECTURE.md, "Change events"): one lane per subscription at a time, so each
/// gets its events in order while a slow receiver holds up only its own. A lane posts up to
/// `batch` events, then stores its position (and the attempts) in one short write; after a
/// failure it stops and the subscription waits out its backoff. At least once: a crash after
/// a POST and before the position is stored sends that event again.
public final class WebhookDispatcher: Sendable {
    public struct Configuration: Sendable {
        public var allowsPrivateAddresses = false
        public var retry = WebhookRetryPolicy()
        /// Seconds a receiver has to answer.
        public var timeout: Double = 10
        /// Subscriptions delivered at the same time.
        public var maximumLanes = 16
        /// Events a lane sends before it stores its position.
        public var batch = 100

        public init() {}
    }

    private let registry: Registry
    private let configuration: Configuration
    private let addressGuard: WebhookURLGuard
    private let log: @Sendable (String) -> Void
    private let lanes = Mutex<Set<String>>([])
    private let stopping = Mutex(false)
    private let stopped = DispatchSemaphore(value: 0)

    public init(registry: Registry, configuration: Configuration = Configuration(), log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.registry = registry
        self.configuration = configuration
        self.addressGuard = WebhookURLGuard(allowsPrivateAddresses: configuration.allowsPrivateAddresses)
        self.log = log
    }

    /// Starts the dispatching thread.
    public func start() throws(ThreadStartError) {
        try OSThread.detach { [self] in
            Self.yieldToRequests()
            run()
            stopped.signal()
        }
    }

    /// Stops starting lanes and waits for the dispatching thread (running lanes finish their POST).
    public func stop() {
        stopping.withLock { $0 = true }
        stopped.wait()
    }

    private func run() {
        while !stopping.withLock({ $0 }) {
            let generation = registry.commitGeneration
            do {
                for subscription in try registry.dueWebhooks() { startLane(subscription) }
            } catch {
                log("webhooks: cannot read subscriptions: \(error)")
            }
            // New events, stored progress and resumed subscriptions all commit; a due retry is
            // found by the next look within a second.
            registry.waitForCommit(after: generation, until: .now + .seconds(1))
        }
    }

    private func startLane(_ subscription: WebhookSubscription) {
        let started = lanes.withLock { running in
            guard running.count < configuration.maximumLanes, !running.contains(subscription.id) else { return false }
            running.insert(subscription.id)
            return true
        }
        guard started else { return }
        do {
            try OSThread.detach { [self] in
                Self.yieldToRequests()
                do {
                    if let current = try registry.activeWebhook(subscription.id) { deliver(current) }
                } catch {
                    log("webhooks: cannot read \(subscription.id): \(error)")
                }
                lanes.withLock { _ = $0.remove(subscription.id) }
            }
        } catch {
            lanes.withLock { _ = $0.remove(subscription.id) }
            log("webhooks: \(error); \(subscription.id) waits for the next look")
        }
    }

    /// Posts the subscription's next events in order until one fails or the batch is done, then
    /// stores where it got to.
    private func deliver(_ subscription: WebhookSubscription) {
        do {
            guard let secret = try registry.webhookSecret(subscription.id) else { return }
            let (events, scannedThrough) = try registry.pendingEvents(for: subscription, limit: configuration.batch)
            var updated = subscription
            var deliveries: [WebhookDelivery] = []
            var failed = false
            // The URL is resolved and checked once a batch: a batch is delivered within seconds,
            // over one connection.
            let sender = addressGuard.check(subscription.url).map { WebhookSender(target: $0, timeout: configuration.timeout) }
            for event in events {
                let delivery = post(event, with: sender, attempt: updated.attempts + 1, secret: secret)
                deliveries.append(delivery)
                if delivery.succeeded {
                    updated.position = event.sequence
                    updated.attempts = 0
                    updated.failingSince = nil
                    updated.nextAttemptAt = nil
                } else {
                    fail(&updated, delivery)
                    failed = true
                    break
                }
            }
            if !failed { updated.position = max(updated.position, scannedThrough) }
            guard updated != subscription || !deliveries.isEmpty else { return }
            try registry.recordWebhookProgress(updated, startedAt: subscription.position, deliveries: deliveries)
        } catch {
            log("webhooks: delivery to \(subscription.id) failed: \(error)")
        }
    }

    /// Schedules the next try with backoff, or marks the subscription failing after a day of failures.
    private func fail(_ subscription: inout WebhookSubscription, _ delivery: WebhookDelivery) {
        let now = Date()
        subscription.attempts = delivery.attempt
        let since = subscription.failingSince ?? delivery.at
        subscription.failingSince = since
        let failingFor = now.timeIntervalSince(Timestamp.date(from: since) ?? now)
        if failingFor >= configuration.retry.giveUpAfter {
            subscription.status = .failing
            subscription.nextAttemptAt = nil
            log("webhooks: \(subscription.id) is failing: event \(delivery.sequence) was refused for \(Int(failingFor / 3_600)) h")
        } else {
            let delay = configuration.retry.delay(afterAttempt: delivery.attempt, jitter: Double.random(in: 0...1))
            subscription.nextAttemptAt = Timestamp.string(from: now.addingTimeInterval(delay))
        }
    }

    /// One signed POST of one event in CloudEvents structured mode, through the batch's sender
    /// (or the reason its target was refused).
    private func post(_ event: ChangeEvent, with checked: Result<WebhookSender, WebhookSendError>, attempt: Int, secret: String) -> WebhookDelivery {
        let started = Date()
        func delivery(status: Int?, error: String?) -> WebhookDelivery {
            WebhookDelivery(sequence: event.sequence, attempt: attempt, at: Timestamp.string(from: started), statusCode: status, error: error,
                            durationMilliseconds: Int(Date().timeIntervalSince(started) * 1_000))
        }
        let sender: WebhookSender
        switch checked {
        case .success(let checked): sender = checked
        case .failure(let refusal): return delivery(status: nil, error: refusal.description)
        }
        let cloudEvent = event.cloudEvent(registryID: registry.registryID)
        let body = Array(cloudEvent.encoded().utf8)
        let id = cloudEvent["id"]?.stringValue ?? String(event.sequence)
        let timestamp = Int(Date().timeIntervalSince1970)
        let headers = [
            ("Content-Type", "application/cloudevents+json"), ("webhook-id", id), ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", WebhookSignature.sign(id: id, timestamp: timestamp, body: body, secret: secret)),
            ("User-Agent", "meshreg-webhooks/1"),
        ]
        switch sender.post(headers: headers, body: body) {
        case .success(let status):
            return delivery(status: status, error: (200..<300).contains(status) ? nil : "the receiver answered \(status)")
        case .failure(let error):
            return delivery(status: nil, error: error.description)
        }
    }

    /// Lowers the calling thread's CPU priority (Linux applies `nice` per thread, and threads it
    /// starts inherit it): on a busy machine deliveries wait, request handling does not.
    private static func yieldToRequests() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    }
}
