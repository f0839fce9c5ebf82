import JSON
import SQL

/// Webhook subscriptions' SQL (docs/ARCHITECTURE.md, "Change events").
extension RegistryStore {
    /// Delivery attempts are kept for the newest this many sequences of each subscription.
    static let deliveriesKept: Int64 = 1_000

    func insertWebhook(_ subscription: WebhookSubscription, secret: String) throws {
        try db.run(
            """
            INSERT INTO webhooks (id, url, types, domains, description, secret, status, position, created_by_user, created_by_team,
                                  created_by_admin, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [subscription.id, subscription.url, JSONValue.array(subscription.types.map(JSONValue.string)).encoded(),
             JSONValue.array(subscription.domains.map(JSONValue.string)).encoded(), subscription.description, secret,
             subscription.status.rawValue, subscription.position, subscription.owner.username, subscription.owner.team,
             subscription.owner.isAdmin, subscription.createdAt])
    }

    /// Subscriptions, oldest first: all of them, or those `owner` created.
    func webhooks(createdBy owner: Principal? = nil, dueAt now: String? = nil) throws -> [WebhookSubscription] {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if let owner {
            conditions.append("(created_by_user IS NOT DISTINCT FROM ? AND created_by_team IS NOT DISTINCT FROM ?)")
            values += [owner.username, owner.team]
        }
        if let now {
            conditions.append("status = 'active' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)")
            values.append(now)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try db.query("SELECT * FROM webhooks \(filter) ORDER BY created_at, id", values).map(Self.webhook)
    }

    func webhook(_ id: String) throws -> WebhookSubscription? {
        try db.query("SELECT * FROM webhooks WHERE id = ?", [id]).first.map(Self.webhook)
    }

    func webhookSecret(_ id: String) throws -> String? {
        try db.query("SELECT secret FROM webhooks WHERE id = ?", [id]).first?.string("secret")
    }

    /// Stores where delivery stands: status, position, retry state.
    func updateWebhook(_ subscription: WebhookSubscription) throws {
        try db.run(
            "UPDATE webhooks SET status = ?, position = ?, attempts = ?, next_attempt_at = ?, failing_since = ? WHERE id = ?",
            [subscription.status.rawValue, subscription.position, subscription.attempts, subscription.nextAttemptAt,
             subscription.failingSince, subscription.id])
    }

    func deleteWebhook(_ id: String) throws {
        try db.run("DELETE FROM webhooks WHERE id = ?", [id])
    }

    /// Logs attempts and drops those of sequences `deliveriesKept` or more below the newest,
    /// through the primary key, so the writer spends little on it.
    func insertWebhookDeliveries(_ id: String, _ deliveries: [WebhookDelivery]) throws {
        for delivery in deliveries {
            try db.run(
                """
                INSERT INTO webhook_deliveries (webhook_id, sequence, attempt, at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (webhook_id, sequence, attempt) DO NOTHING
                """,
                [id, delivery.sequence, delivery.attempt, delivery.at, delivery.statusCode, delivery.error, delivery.durationMilliseconds])
        }
        guard let newest = deliveries.map(\.sequence).max() else { return }
        try db.run("DELETE FROM webhook_deliveries WHERE webhook_id = ? AND sequence <= ?", [id, newest - Self.deliveriesKept])
    }

    /// The newest attempts first.
    func webhookDeliveries(_ id: String, limit: Int) throws -> [WebhookDelivery] {
        try db.query(
            "SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY at DESC, sequence DESC, attempt DESC LIMIT ?", [id, limit]
        ).map { row in
            WebhookDelivery(sequence: row.integer("sequence") ?? 0, attempt: row.int("attempt") ?? 0, at: row.string("at") ?? "",
                            statusCode: row.int("status_code"), error: row.string("error"), durationMilliseconds: row.int("duration_ms") ?? 0)
        }
    }

    private static func webhook(_ row: Row) -> WebhookSubscription {
        func strings(_ column: String) -> [String] {
            ((try? JSONParser.parse(row.string(column) ?? "[]"))?.arrayValue ?? []).compactMap(\.stringValue)
        }
        return WebhookSubscription(
            id: row.string("id") ?? "", url: row.string("url") ?? "", types: strings("types"), domains: strings("domains"),
            description: row.string("description") ?? "", status: WebhookSubscription.Status(rawValue: row.string("status") ?? "") ?? .paused,
            position: row.integer("position") ?? 0, attempts: row.int("attempts") ?? 0, nextAttemptAt: row.string("next_attempt_at"),
            failingSince: row.string("failing_since"),
            owner: Principal(username: row.string("created_by_user"), team: row.string("created_by_team"), isAdmin: row.bool("created_by_admin")),
            createdAt: row.string("created_at") ?? "")
    }
}
