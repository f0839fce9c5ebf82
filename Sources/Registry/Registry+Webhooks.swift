import Crypto
import FoundationEssentials
import JSON

/// Webhook subscriptions (docs/ARCHITECTURE.md, "Change events"): anyone with a token may
/// subscribe and receives the events they may read; the creator or an admin manages it.
extension Registry {
    /// Creates a subscription delivering events committed from now on, and returns it with its
    /// secret (`whsec_` + base64 of 24 random bytes, as Standard Webhooks), shown only here.
    /// `url` must already have passed the address check of the caller (`WebhookURLGuard`).
    public func createWebhook(url: String, types: [String], domains: [String], description: String,
                              actor: Principal) throws(RegistryError) -> (subscription: WebhookSubscription, secret: String) {
        let shortTypes = types.map(ChangeEvent.shortType)
        if let unknown = shortTypes.first(where: { !ChangeEventType.all.contains($0) }) {
            throw RegistryError(.invalidDocument, "unknown event type '\(unknown)'; the types are \(ChangeEventType.all.joined(separator: ", "))")
        }
        guard description.count <= 1_000, url.utf8.count <= 2_000 else {
            throw RegistryError(.invalidDocument, "the url is limited to 2,000 bytes and the description to 1,000 characters")
        }
        let secret = "whsec_" + Data(SecureRandom.bytes(24)).base64EncodedString()
        let subscription = try write { store in
            let subscription = WebhookSubscription(
                id: "wh_" + hex(SecureRandom.bytes(6)), url: url, types: shortTypes, domains: domains, description: description,
                status: .active, position: try store.latestEventSequence(), attempts: 0, nextAttemptAt: nil, failingSince: nil,
                owner: actor, createdAt: store.now)
            try store.insertWebhook(subscription, secret: secret)
            try store.audit("webhook.create", .webhook, subscription.id, revision: nil, domain: nil, actor: actor,
                            detail: ["types": .array(shortTypes.map(JSONValue.string)), "domains": .array(domains.map(JSONValue.string))])
            return subscription
        }
        return (subscription, secret)
    }

    /// Every subscription for admins; one's own for everyone else.
    public func webhooks(actor: Principal) throws(RegistryError) -> [WebhookSubscription] {
        try read { store in try store.webhooks(createdBy: actor.isAdmin ? nil : actor) }
    }

    public func webhook(_ id: String, actor: Principal) throws(RegistryError) -> WebhookSubscription {
        try read { store in try Self.managed(id, store, actor: actor) }
    }

    /// Pauses delivery, or resumes it (also after failing: the next event is tried afresh).
    @discardableResult
    public func setWebhookPaused(_ id: String, _ paused: Bool, actor: Principal) throws(RegistryError) -> WebhookSubscription {
        try write { store in
            var subscription = try Self.managed(id, store, actor: actor)
            subscription.status = paused ? .paused : .active
            subscription.attempts = 0
            subscription.nextAttemptAt = nil
            subscription.failingSince = nil
            try store.updateWebhook(subscription)
            try store.audit(paused ? "webhook.pause" : "webhook.resume", .webhook, id, revision: nil, domain: nil, actor: actor)
            return subscription
        }
    }

    public func deleteWebhook(_ id: String, actor: Principal) throws(RegistryError) {
        try write { store in
            _ = try Self.managed(id, store, actor: actor)
            try store.deleteWebhook(id)
            try store.audit("webhook.delete", .webhook, id, revision: nil, domain: nil, actor: actor)
        }
    }

    /// Delivers again every matching event from sequence `from` on, in order.
    @discardableResult
    public func replayWebhook(_ id: String, from sequence: Int64, actor: Principal) throws(RegistryError) -> WebhookSubscription {
        try write { store in
            var subscription = try Self.managed(id, store, actor: actor)
            subscription.position = max(sequence - 1, 0)
            subscription.attempts = 0
            subscription.nextAttemptAt = nil
            subscription.failingSince = nil
            if subscription.status == .failing { subscription.status = .active }
            try store.updateWebhook(subscription)
            try store.audit("webhook.replay", .webhook, id, revision: nil, domain: nil, actor: actor, detail: ["from": .string(String(sequence))])
            return subscription
        }
    }

    /// The newest delivery attempts first.
    public func webhookDeliveries(_ id: String, limit: Int = 100, actor: Principal) throws(RegistryError) -> [WebhookDelivery] {
        try read { store in
            _ = try Self.managed(id, store, actor: actor)
            return try store.webhookDeliveries(id, limit: max(1, min(limit, 1_000)))
        }
    }

    private static func managed(_ id: String, _ store: RegistryStore, actor: Principal) throws -> WebhookSubscription {
        guard let subscription = try store.webhook(id),
              actor.isAdmin || (subscription.owner.username == actor.username && subscription.owner.team == actor.team) else {
            throw RegistryError(.notFound, "no webhook \(id) of yours; GET /api/v1/webhooks lists them")
        }
        return subscription
    }

    // MARK: Delivery (the dispatcher of `serve`)

    /// Active subscriptions whose next attempt is due.
    package func dueWebhooks() throws(RegistryError) -> [WebhookSubscription] {
        let now = Timestamp.string(from: clock())
        return try read { store in try store.webhooks(dueAt: now) }
    }

    /// A subscription as stored now, if it is still active: a lane starts from this, not from
    /// the list it was picked from, which may predate the previous lane's progress.
    package func activeWebhook(_ id: String) throws(RegistryError) -> WebhookSubscription? {
        try read(singleStatement: true) { store in try store.webhook(id) }.flatMap { $0.status == .active ? $0 : nil }
    }

    /// The signing secret; never logged, never returned by the API after creation.
    package func webhookSecret(_ id: String) throws(RegistryError) -> String? {
        try read(singleStatement: true) { store in try store.webhookSecret(id) }
    }

    /// The next events for `subscription` (matching, and readable by its creator), and the
    /// sequence up to which the log has been looked at: when fewer than `limit` matched, every
    /// event up to the newest was, so the position may move there even if none matched.
    package func pendingEvents(for subscription: WebhookSubscription, limit: Int) throws(RegistryError) -> (events: [ChangeEvent], scannedThrough: Int64) {
        try read { store in
            let visible = subscription.owner.isAdmin ? nil : try store.domains(of: subscription.owner)
            let events = try store.events(after: subscription.position, limit: limit, types: subscription.types, domains: subscription.domains,
                                          visibleDomains: visible)
            let scanned = events.count < limit ? max(try store.latestEventSequence(), subscription.position) : events.last?.sequence ?? subscription.position
            return (events, scanned)
        }
    }

    /// Stores delivery progress in one short write, unless the owner paused, deleted or replayed
    /// the subscription meanwhile (then only the attempts are logged). When `updated` is failing,
    /// records a `webhook.failing` event.
    package func recordWebhookProgress(_ updated: WebhookSubscription, startedAt position: Int64, deliveries: [WebhookDelivery]) throws(RegistryError) {
        try write { store in
            guard let current = try store.webhook(updated.id) else { return }
            try store.insertWebhookDeliveries(updated.id, deliveries)
            guard current.status == .active, current.position == position else { return }
            try store.updateWebhook(updated)
            if updated.status == .failing {
                try store.audit("webhook.failing", .webhook, updated.id, revision: nil, domain: nil, actor: Self.system,
                                detail: ["failingSince": updated.failingSince.map(JSONValue.string) ?? .null,
                                         "sequence": .string(String(updated.position + 1))])
            }
        }
    }
}
