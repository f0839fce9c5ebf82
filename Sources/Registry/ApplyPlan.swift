import JSON

/// What applying a tree of documents would do (or did): one entry per document, and the counts.
public struct ApplyPlan: Sendable {
    /// In the order the documents apply: domains, contracts, products; then retirements.
    public var documents: [PlannedDocument]
    /// True when the plan's writes were committed.
    public var applied: Bool

    /// True when applying would be refused as a whole: some document is refused.
    public var isRefused: Bool { documents.contains { $0.action == .refuse } }

    /// The refusal of the whole plan, every refused document's issues together; nil when none is refused.
    public var refusal: RegistryError? {
        let refusals = documents.compactMap { document in
            document.refusal.map { Refusal(action: "", target: document.path ?? document.id ?? "document", domain: nil, error: $0) }
        }
        return refusals.isEmpty ? nil : Refusal.combined(refusals, total: documents.count)
    }

    /// How many documents take each action.
    public func count(_ action: PlannedDocument.Action) -> Int { documents.count { $0.action == action } }

    /// `{documents: [...], summary: {add, change, unchanged, retire, refuse}, applied}`.
    public var json: JSONValue {
        var summary = JSONObject()
        for action in PlannedDocument.Action.allCases { summary[action.rawValue] = .integer(Int64(count(action))) }
        return ["documents": .array(documents.map(\.json)), "summary": .object(summary), "applied": .bool(applied)]
    }
}
