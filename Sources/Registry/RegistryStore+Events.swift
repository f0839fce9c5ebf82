import JSON
import SQL

/// What a write knows already about the entity of its audited change, so that the change event
/// does not read it again inside the write lock (docs/ARCHITECTURE.md, "PostgreSQL").
struct EventFacts {
    /// The owning team.
    var team: String
    /// The digests of the revision the write replaced (nil for a first revision) and of the one it stored.
    var previousDigest: String?
    var digest: String
}

/// The change log's SQL (docs/ARCHITECTURE.md, "Change events"). Events are appended in the
/// transaction of the change they record, so they commit, or roll back, with it.
extension RegistryStore {
    /// Appends the event of an audited change: `policy.denied` for a refusal, the type of its
    /// action (or of `eventAction`, when the use case knows better) otherwise; nothing for
    /// unpublished actions.
    func appendEvent(for entry: AuditEntry, eventAction: String? = nil, known: EventFacts? = nil) throws {
        if entry.outcome == .refused || entry.outcome == .denied {
            let owner = entry.domain == nil ? try owner(kind: entry.targetKind, key: entry.target) : (domain: entry.domain, team: nil)
            var data: JSONObject = ["id": .string(entry.target), "kind": .string(entry.targetKind), "action": .string(entry.action),
                                    "actor": .string(entry.actor), "code": entry.code.map(JSONValue.string) ?? .null]
            data["domain"] = owner.domain.map(JSONValue.string) ?? .null
            data["message"] = entry.detail["message"]
            data["violations"] = entry.detail["decision"]?["violations"]
            try appendEvent(type: "policy.denied", subject: entry.target, domain: owner.domain, team: owner.team, data: data)
            return
        }
        guard let type = ChangeEventType.forAction(eventAction ?? entry.action, target: entry.target) else { return }
        let team = try known.map(\.team) ?? owner(kind: entry.targetKind, key: entry.target).team
        var data: JSONObject = ["id": .string(entry.target), "kind": .string(entry.targetKind), "action": .string(entry.action),
                                "actor": .string(entry.actor)]
        data["revision"] = entry.revision.map { .integer(Int64($0)) }
        data["domain"] = entry.domain.map(JSONValue.string) ?? .null
        data["team"] = team.map(JSONValue.string) ?? .null
        if entry.targetKind == Kind.contract.rawValue, let at = entry.target.lastIndex(of: "@") {
            data["contractId"] = .string(String(entry.target[..<at]))
            data["version"] = .string(String(entry.target[entry.target.index(after: at)...]))
        }
        if let revision = entry.revision, revision > 1, let kind = Kind(rawValue: entry.targetKind), [.domain, .product, .contract].contains(kind) {
            let digests = try known.map { (previous: $0.previousDigest, current: Optional($0.digest)) } ?? digests(kind, entry.target, revision: revision)
            data["changed"] = .array(try changedFields(kind, entry.target, from: digests.previous, to: digests.current).map(JSONValue.string))
        }
        for key in Self.publishedDetailKeys { if let value = entry.detail[key] { data[key] = value } }
        if entry.targetKind == Kind.subject.rawValue { data["schemaId"] = entry.detail["id"] }
        try appendEvent(type: type, subject: entry.target, domain: entry.domain, team: team, data: data)
    }

    /// Detail fields of audit entries that an event carries as they are; none holds a secret.
    private static let publishedDetailKeys = ["version", "versions", "schemaType", "compatibility", "mode", "note", "request",
                                              "policySetVersion", "previousPolicySetVersion", "policies", "consumerTeam", "expiresAt", "failingSince"]

    func appendEvent(type: String, subject: String, domain: String?, team: String?, data: JSONObject) throws {
        try db.run("INSERT INTO events (type, subject, domain, team, at, data) VALUES (?, ?, ?, ?, ?, ?)",
                   [type, subject, domain, team, now, JSONValue.object(data).encoded()])
    }

    /// The domain and team owning a product, a contract version or the port an access request
    /// names; a domain owns itself. Nil parts for what does not exist (yet).
    private func owner(kind: String, key: String) throws -> (domain: String?, team: String?) {
        switch Kind(rawValue: kind) {
        case .domain: return (key, nil)
        case .product: return try productRecord(key).map { ($0.domain, $0.team) } ?? (nil, nil)
        case .contract:
            guard let at = key.lastIndex(of: "@") else { return (nil, nil) }
            return try contractRecord(String(key[..<at]), String(key[key.index(after: at)...])).map { ($0.domain, $0.team) } ?? (nil, nil)
        case .access:
            let row = try db.query("SELECT p.domain, p.team FROM access_requests a JOIN products p ON p.id = a.product_id WHERE a.id = ?", [key]).first
            return (row?.string("domain"), row?.string("team"))
        default: return (nil, nil)
        }
    }

    /// The digests of `revision` and of the one before it.
    private func digests(_ kind: Kind, _ key: String, revision: Int) throws -> (previous: String?, current: String?) {
        let rows = try db.query("SELECT revision, digest FROM revisions WHERE kind = ? AND key = ? AND revision IN (?, ?)",
                                [kind.rawValue, key, revision - 1, revision])
        let digests = Dictionary(rows.compactMap { row in row.int("revision").map { ($0, row.string("digest")) } }, uniquingKeysWith: { first, _ in first })
        return (digests[revision - 1] ?? nil, digests[revision] ?? nil)
    }

    /// The top-level fields whose values differ between the revisions with these digests.
    /// Both are usually in the parsed-document cache: the write just stored one and read the other.
    private func changedFields(_ kind: Kind, _ key: String, from previous: String?, to current: String?) throws -> [String] {
        guard let previous, let current, let before = try document(kind, key, digest: previous)?.objectValue,
            let after = try document(kind, key, digest: current)?.objectValue
        else { return [] }
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Events after `sequence` in sequence order, at most `limit`, optionally only of `types`
    /// (short form) and of `domains` (empty: any). `visibleDomains` nil reads everything (admins); otherwise
    /// restricted events (refusals, access) only of those domains.
    func events(after sequence: Int64, limit: Int, types: [String] = [], domains: [String] = [],
                visibleDomains: [String]? = nil) throws -> [ChangeEvent] {
        var conditions = ["sequence > ?"]
        var values: [any SQLBindable] = [sequence]
        if !types.isEmpty {
            conditions.append("type IN (\(Self.placeholders(types.count)))")
            values += types.map { $0 as any SQLBindable }
        }
        if !domains.isEmpty {
            conditions.append("domain IN (\(Self.placeholders(domains.count)))")
            values += domains.map { $0 as any SQLBindable }
        }
        if let visibleDomains {
            let allowed = visibleDomains.isEmpty ? "FALSE" : "domain IN (\(Self.placeholders(visibleDomains.count)))"
            // Refusals and access events are for the event's domain teams and admins only.
            conditions.append("(NOT (type = 'policy.denied' OR type LIKE 'access.%') OR \(allowed))")
            values += visibleDomains.map { $0 as any SQLBindable }
        }
        values.append(limit)
        return try db.query(
            "SELECT sequence, type, subject, domain, team, at, data FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY sequence LIMIT ?",
            values
        ).map { row in
            ChangeEvent(sequence: row.integer("sequence") ?? 0, type: row.string("type") ?? "", subject: row.string("subject") ?? "",
                        domain: row.string("domain"), team: row.string("team"), time: row.string("at") ?? "",
                        data: (try? JSONParser.parse(row.string("data") ?? "{}")) ?? [:])
        }
    }

    /// The newest event's sequence, 0 when there is none.
    func latestEventSequence() throws -> Int64 {
        try db.query("SELECT coalesce(max(sequence), 0) AS latest FROM events").first?.integer("latest") ?? 0
    }

    /// The domains whose teams `principal` acts for: its own team's, or those of the teams it is a member of.
    func domains(of principal: Principal) throws -> [String] {
        try db.query(
            """
            SELECT DISTINCT domain FROM teams WHERE name = ?
               OR name IN (SELECT team FROM team_members WHERE username = ?) ORDER BY domain
            """,
            [principal.team, principal.username]
        ).compactMap { $0.string("domain") }
    }

    /// The random id the first migration of the change log stored.
    static func registryID(_ db: any SQLConnection) throws -> String {
        try db.query("SELECT value FROM registry_meta WHERE name = 'registry-id'").first?.string("value") ?? "unknown"
    }

    func registryMeta(_ name: String) throws -> String? {
        try db.query("SELECT value FROM registry_meta WHERE name = ?", [name]).first?.string("value")
    }

    func setRegistryMeta(_ name: String, _ value: String) throws {
        try db.run("INSERT INTO registry_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", [name, value])
    }

    /// Deletes up to `batch` of the oldest events written before `cutoff` and records the
    /// highest one deleted, below which a reader has missed events. Returns how many went.
    func pruneEvents(before cutoff: String, batch: Int) throws -> Int {
        let doomed = try db.query("SELECT sequence FROM events WHERE at < ? ORDER BY sequence LIMIT ?", [cutoff, batch])
            .compactMap { $0.integer("sequence") }
        guard let last = doomed.last else { return 0 }
        try db.run("DELETE FROM events WHERE sequence <= ?", [last])
        try setRegistryMeta("events-pruned-through", String(last))
        return doomed.count
    }
}
