import Crypto
import JSON
import SQL

/// One entry of the append-only audit log (docs/ARCHITECTURE.md, "Audit log").
public struct AuditEntry: Sendable, Hashable {
    public enum Outcome: String, Sendable, CaseIterable {
        case allowed, warned, denied, refused, failed
    }

    public var sequence: Int64?
    public var at: String
    public var actor: String
    public var action: String
    public var targetKind: String
    public var target: String
    public var revision: Int?
    public var domain: String?
    public var outcome: Outcome
    public var code: String?
    public var detail: JSONValue

    /// The policies whose violations the entry records (from `detail.decision` or `detail.violations`).
    var violatedPolicies: [String] {
        let violations = detail["decision"]?["violations"]?.arrayValue ?? detail["violations"]?.arrayValue ?? []
        return violations.compactMap { $0["policy"]?.stringValue }
    }

    /// The bytes the hash chain covers: every field but the hashes, as canonical JSON.
    var canonicalBytes: [UInt8] {
        let fields: JSONValue = [
            "at": .string(at), "actor": .string(actor), "action": .string(action),
            "targetKind": .string(targetKind), "target": .string(target),
            "revision": revision.map { .integer(Int64($0)) } ?? .null,
            "domain": domain.map(JSONValue.string) ?? .null,
            "outcome": .string(outcome.rawValue), "code": code.map(JSONValue.string) ?? .null,
            "detail": detail,
        ]
        return fields.canonicalBytes
    }
}

/// Appends entries to the hash chain: each entry's hash is SHA-256 of the previous entry's hash
/// and this entry's canonical bytes, so editing or deleting any row breaks every later link.
enum AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    /// Links `entry` to the chain's head. The sequence is the head's plus one, taken in the same
    /// statement under the write lock, so a rolled-back append leaves no hole for `verify` to flag.
    static func append(_ entry: AuditEntry, to db: any SQLConnection) throws {
        let previous = try db.query("SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1").first?.string("hash") ?? genesisHash
        let hash = chainHash(previous: previous, entry: entry)
        let inserted = try db.query(
            """
            INSERT INTO audit_log (sequence, at, actor, action, target_kind, target, revision, domain, outcome, code, detail, previous_hash, hash)
            VALUES ((SELECT coalesce(max(sequence), 0) + 1 FROM audit_log), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence
            """,
            [entry.at, entry.actor, entry.action, entry.targetKind, entry.target, entry.revision, entry.domain,
             entry.outcome.rawValue, entry.code, entry.detail.encoded(), previous, hash])
        guard let sequence = inserted.first?.integer("sequence") else { preconditionFailure("INSERT … RETURNING returns the row it inserted") }
        for policy in Set(entry.violatedPolicies) {
            try db.run("INSERT INTO audit_policies (sequence, policy) VALUES (?, ?)", [sequence, policy])
        }
    }

    static func chainHash(previous: String, entry: AuditEntry) -> String {
        SHA256.hexDigest(Array(previous.utf8) + [0x0A] + entry.canonicalBytes)
    }
}
