import JSON
import MeshModel
import Policy
import SQL

/// The result of walking the audit log's hash chain (docs/ARCHITECTURE.md, "Audit log").
public struct AuditVerification: Sendable, Hashable {
    public var entries: Int
    /// The first entry whose link does not hold, with why; nil when the whole chain holds.
    public var firstBroken: (sequence: Int64, reason: String)?

    public var isIntact: Bool { firstBroken == nil }

    public static func == (lhs: AuditVerification, rhs: AuditVerification) -> Bool {
        lhs.entries == rhs.entries && lhs.firstBroken?.sequence == rhs.firstBroken?.sequence && lhs.firstBroken?.reason == rhs.firstBroken?.reason
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    public var json: JSONValue {
        var object: JSONObject = ["intact": .bool(isIntact), "entries": .integer(Int64(entries))]
        if let firstBroken {
            object["firstBroken"] = ["sequence": .integer(firstBroken.sequence), "reason": .string(firstBroken.reason)]
        }
        return .object(object)
    }
}

/// Filters for reading the audit log; entries come oldest first, after `cursor`.
public struct AuditQuery: Sendable, Hashable {
    public var since: String?
    public var until: String?
    public var actor: String?
    public var domain: String?
    public var policy: String?
    public var outcome: String?
    public var action: String?
    public var limit: Int
    /// The sequence number of the last entry of the previous page.
    public var cursor: Int64?

    public init(since: String? = nil, until: String? = nil, actor: String? = nil, domain: String? = nil, policy: String? = nil,
                outcome: String? = nil, action: String? = nil, limit: Int = 100, cursor: Int64? = nil) {
        self.since = since
        self.until = until
        self.actor = actor
        self.domain = domain
        self.policy = policy
        self.outcome = outcome
        self.action = action
        self.limit = limit
        self.cursor = cursor
    }
}

/// One document's violations found by a scan.
public struct ScanFinding: Sendable, Hashable {
    public var kind: WriteResult.Kind
    public var key: String
    public var violations: [PolicyViolation]

    public var json: JSONValue {
        ["kind": .string(kind.rawValue), "key": .string(key), "violations": .array(violations.map(\.json))]
    }
}

extension AuditEntry {
    public var json: JSONValue {
        ["sequence": sequence.map(JSONValue.integer) ?? .null, "at": .string(at), "actor": .string(actor), "action": .string(action),
         "targetKind": .string(targetKind), "target": .string(target), "revision": revision.map { .integer(Int64($0)) } ?? .null,
         "domain": domain.map(JSONValue.string) ?? .null, "outcome": .string(outcome.rawValue), "code": code.map(JSONValue.string) ?? .null,
         "detail": detail]
    }

    init(row: Row) throws {
        self.init(
            sequence: row.integer("sequence"), at: row.string("at") ?? "", actor: row.string("actor") ?? "",
            action: row.string("action") ?? "", targetKind: row.string("target_kind") ?? "", target: row.string("target") ?? "",
            revision: row.int("revision"), domain: row.string("domain"),
            outcome: Outcome(rawValue: row.string("outcome") ?? "") ?? .failed, code: row.string("code"),
            detail: try JSONParser.parse(row.string("detail") ?? "{}"))
    }
}

extension Registry {
    /// Recomputes every link of the hash chain, in order; an edited or deleted row breaks the
    /// first link after it.
    public func verifyAuditLog() throws(RegistryError) -> AuditVerification {
        try read { store in
            var previous = AuditLog.genesisHash
            var count = 0
            var expectedSequence: Int64?
            for row in try store.auditLog() {
                count += 1
                let sequence = row.integer("sequence") ?? 0
                if let expectedSequence, sequence != expectedSequence {
                    return AuditVerification(entries: count, firstBroken: (sequence, "entries \(expectedSequence)–\(sequence - 1) are missing"))
                }
                expectedSequence = sequence + 1
                guard row.string("previous_hash") == previous else {
                    return AuditVerification(entries: count, firstBroken: (sequence, "it does not link to the entry before it (that entry was edited or deleted)"))
                }
                let entry: AuditEntry
                do { entry = try AuditEntry(row: row) } catch {
                    return AuditVerification(entries: count, firstBroken: (sequence, "its detail is not valid JSON"))
                }
                let hash = AuditLog.chainHash(previous: previous, entry: entry)
                guard row.string("hash") == hash else {
                    return AuditVerification(entries: count, firstBroken: (sequence, "its content does not match its hash (the entry was edited)"))
                }
                previous = hash
            }
            return AuditVerification(entries: count, firstBroken: nil)
        }
    }

    /// Entries matching `query`, oldest first, with the cursor of the next page.
    public func auditEntries(_ query: AuditQuery) throws(RegistryError) -> (entries: [AuditEntry], nextCursor: Int64?) {
        let limit = max(1, min(query.limit, 1_000))
        let entries = try read { store in try store.auditEntries(query, limit: limit + 1) }
        let page = Array(entries.prefix(limit))
        return (page, entries.count > limit ? page.last?.sequence : nil)
    }

    /// Every current product and contract evaluated on the `audit` event against `policies`
    /// (default: the registry's own set, so a new set can be dry-run before it is enabled).
    public func scan(policies: PolicySet? = nil) throws(RegistryError) -> (findings: [ScanFinding], documents: Int, policySetVersion: String) {
        let set = policies ?? configuration.policies
        let evaluation = ScanEvaluation(policies: set)
        let documents = try read { store in
            let context = PolicyContext(store: store, actor: .localAdmin)
            let actor = try context.actorJSON()
            var documents = 0
            for id in try store.unretiredProducts() {
                guard let json = try store.currentDocument(.product, id), let product = try? DataProduct(json: json) else { continue }
                documents += 1
                evaluation.add(.product, id, PolicyInput([
                    .actor: actor, .product: json, .now: .string(store.now), .inputs: try context.inputs(of: product),
                    .consumers: try context.consumers(of: product.outputPorts.compactMap(\.contractReference), excluding: id),
                ]))
            }
            for reference in try store.unretiredContracts() {
                guard let json = try store.currentDocument(.contract, reference.description) else { continue }
                documents += 1
                evaluation.add(.contract, reference.description,
                               PolicyInput([.actor: actor, .contract: json, .now: .string(store.now), .consumers: try context.consumers(of: [reference])]))
            }
            return documents
        }
        return (evaluation.findings(), documents, set.version)
    }

    /// Evaluates the registry's policies for `event` on an explicit input, writing nothing.
    public func evaluatePolicies(event: PolicyEvent, input: PolicyInput) -> Decision {
        configuration.policies.evaluate(event: event, input: input)
    }
}
