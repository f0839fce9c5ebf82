import FoundationEssentials
import JSON

/// Changes that no request makes, recorded by `serve` at start and from its background thread:
/// a new policy set, grants that expired, events past retention.
extension Registry {
    /// The actor of changes the registry makes on its own.
    static let system = Principal(username: "meshreg")

    /// Records a `policy-set.changed` event (and audit entry) when the loaded policy set differs
    /// from the one recorded last; nothing when it is the same. Returns whether it changed.
    @discardableResult
    public func recordPolicySet() throws(RegistryError) -> Bool {
        let version = configuration.policies.version
        return try write { store in
            let previous = try store.registryMeta("policy-set-version")
            guard previous != version else { return false }
            try store.setRegistryMeta("policy-set-version", version)
            try store.audit("policy.set-change", .policy, "policy-set", revision: nil, domain: nil, actor: Self.system,
                            detail: ["policySetVersion": .string(version), "previousPolicySetVersion": previous.map(JSONValue.string) ?? .null,
                                     "policies": .array(configuration.policies.policies.map { .string($0.name) })])
            return true
        }
    }

    /// What one housekeeping round did.
    public struct Housekeeping: Sendable {
        /// Grants announced as expired.
        public var expiredGrants: Int
        /// Events deleted as past retention.
        public var prunedEvents: Int
    }

    /// One round of `serve`'s periodic work (once a minute): drops expired tokens from the token
    /// cache, announces grants that expired and prunes events older than `retention` seconds. On
    /// PostgreSQL only one replica does the last two, the one holding the housekeeping lock
    /// (docs/ARCHITECTURE.md, "PostgreSQL"); elsewhere the answer is nil.
    public func housekeep(eventsOlderThan retention: Double) throws(RegistryError) -> Housekeeping? {
        // Every process forgets the tokens it has not seen for their lifetime; the database work is the leader's.
        tokenCache.removeExpired()
        guard leadsHousekeeping() else { return nil }
        return Housekeeping(expiredGrants: try recordExpiredGrants(), prunedEvents: try pruneEvents(olderThan: retention))
    }

    /// Records an `access.expired` event (and audit entry) for each approved grant whose expiry
    /// has passed since the last sweep. Returns how many expired.
    @discardableResult
    public func recordExpiredGrants() throws(RegistryError) -> Int {
        try write { store in
            let since = try store.registryMeta("access-expired-through") ?? ""
            let expired = try store.grantsExpiring(after: since, through: store.now)
            for row in expired {
                try store.audit("access.expire", .access, row.string("id") ?? "", revision: nil, domain: row.string("domain"), actor: Self.system,
                                detail: ["consumerTeam": .string(row.string("consumer_team") ?? ""), "expiresAt": .string(row.string("expires_at") ?? "")])
            }
            try store.setRegistryMeta("access-expired-through", store.now)
            return expired.count
        }
    }

    /// Deletes events older than `age` seconds, `batch` at a time in short transactions, so
    /// writers never wait long behind it. Returns how many were deleted.
    @discardableResult
    public func pruneEvents(olderThan age: Double, batch: Int = 500) throws(RegistryError) -> Int {
        let cutoff = Timestamp.string(from: clock().addingTimeInterval(-age))
        var total = 0
        while true {
            let deleted = try write { store in try store.pruneEvents(before: cutoff, batch: batch) }
            total += deleted
            if deleted < batch { return total }
        }
    }
}
