import Crypto
import JSON

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

    static func chainHash(previous: String, entry: AuditEntry) -> String {
        SHA256.hexDigest(Array(previous.utf8) + [0x0A] + entry.canonicalBytes)
    }
}
