import JSON

/// A webhook subscription: where events go, which ones, and how far delivery has come.
public struct WebhookSubscription: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        /// Delivering.
        case active
        /// Stopped by its owner; its position is kept.
        case paused
        /// Gave up after retrying one event for 24 hours; resume to try again.
        case failing
    }

    public var id: String
    public var url: String
    /// Short event types; empty for every type.
    public var types: [String]
    /// Domains; empty for every domain.
    public var domains: [String]
    public var description: String
    public var status: Status
    /// The last sequence delivered (or skipped as not matching).
    public var position: Int64
    /// Failed attempts at the next event so far.
    public var attempts: Int
    public var nextAttemptAt: String?
    /// When delivery of the next event first failed; nil while deliveries succeed.
    public var failingSince: String?
    /// Who created it: it receives only the events this principal may read.
    public var owner: Principal
    public var createdAt: String

    public var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "url": .string(url), "types": .array(types.map(JSONValue.string)),
            "domains": .array(domains.map(JSONValue.string)), "description": .string(description), "status": .string(status.rawValue),
            "position": .string(String(position)), "attempts": .integer(Int64(attempts)), "createdBy": .string(owner.description),
            "createdAt": .string(createdAt),
        ]
        object["nextAttemptAt"] = nextAttemptAt.map(JSONValue.string) ?? .null
        object["failingSince"] = failingSince.map(JSONValue.string) ?? .null
        return .object(object)
    }
}
