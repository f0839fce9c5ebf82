import JSON

/// What applying a tree of documents would do (or did): one entry per document, and the counts.
public struct ApplyPlan: Sendable {
    /// In the order the documents apply: domains, contracts, products; then retirements.
    public var documents: [PlannedDocument]
    /// True when the plan's writes were committed.
    public var applied: Bool

    /// True when applying would be refused as a whole: some document is refused.
    public var isRefused: Bool { documents.contains { $0.action == .refuse } }

    /// How many documents take each action.
    public func count(_ action: PlannedDocument.Action) -> Int { documents.count { $0.action == action } }

    /// `{documents: [...], summary: {add, change, unchanged, retire, refuse}, applied}`.
    public var json: JSONValue {
        var summary = JSONObject()
        for action in PlannedDocument.Action.allCases { summary[action.rawValue] = .integer(Int64(count(action))) }
        return ["documents": .array(documents.map(\.json)), "summary": .object(summary), "applied": .bool(applied)]
    }
}
