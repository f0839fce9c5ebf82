import MeshModel
import SQL

// MARK: Audit log (docs/ARCHITECTURE.md, "Audit log")

extension RegistryStore {
    /// Links `entry` to the chain's head, read once for both its hash and its sequence. The new
    /// sequence is the head's plus one, read and inserted under the write lock in one transaction,
    /// so a rolled-back append leaves no hole for `verify` to flag.
    func appendAudit(_ entry: AuditEntry) throws {
        let head = try db.query("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1").first
        let previous = head?.string("hash") ?? AuditLog.genesisHash
        let sequence = (head?.integer("sequence") ?? 0) + 1
        try db.run(
            """
            INSERT INTO audit_log (sequence, at, actor, action, target_kind, target, revision, domain, outcome, code, detail, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [sequence, entry.at, entry.actor, entry.action, entry.targetKind, entry.target, entry.revision, entry.domain,
             entry.outcome.rawValue, entry.code, entry.detail.encoded(), previous, AuditLog.chainHash(previous: previous, entry: entry)])
        for policy in Set(entry.violatedPolicies) {
            try db.run("INSERT INTO audit_policies (sequence, policy) VALUES (?, ?)", [sequence, policy])
        }
    }

    /// Every entry's row, in chain order.
    func auditLog() throws -> [Row] {
        try db.query("SELECT * FROM audit_log ORDER BY sequence")
    }

    /// Entries matching `query` after its cursor, oldest first, at most `limit`.
    func auditEntries(_ query: AuditQuery, limit: Int) throws -> [AuditEntry] {
        var conditions = ["sequence > ?"]
        var values: [any SQLBindable] = [query.cursor ?? 0]
        for (condition, value) in [("at >= ?", query.since), ("at < ?", query.until), ("actor = ?", query.actor), ("domain = ?", query.domain),
                                   ("outcome = ?", query.outcome), ("action = ?", query.action)] {
            if let value {
                conditions.append(condition)
                values.append(value)
            }
        }
        if let policy = query.policy {
            conditions.append("sequence IN (SELECT sequence FROM audit_policies WHERE policy = ?)")
            values.append(policy)
        }
        values.append(limit)
        let sql = "SELECT * FROM audit_log WHERE \(conditions.joined(separator: " AND ")) ORDER BY sequence LIMIT ?"
        return try db.query(sql, values).map(AuditEntry.init(row:))
    }

    /// Every product that is not retired, by id.
    func unretiredProducts() throws -> [String] {
        try db.query("SELECT id FROM products WHERE status != 'retired' ORDER BY id").compactMap { $0.string("id") }
    }

    /// Every contract version that is not retired, in SemVer order per contract.
    func unretiredContracts() throws -> [ContractReference] {
        try db.query("SELECT contract_id, version FROM contract_versions WHERE status != 'retired' ORDER BY contract_id, major, minor, patch")
            .map { ContractReference(id: $0.string("contract_id") ?? "", version: $0.string("version") ?? "") }
    }
}
