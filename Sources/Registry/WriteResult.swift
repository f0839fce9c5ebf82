import Policy

/// What one accepted write did.
public struct WriteResult: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case domain, product, contract, token, access, subject, policy, webhook
    }

    public enum Change: String, Sendable, CaseIterable {
        case created, updated, unchanged, retired
    }

    public var kind: Kind
    /// The domain name, product id, or `contractId@version`.
    public var key: String
    public var revision: Int
    public var change: Change
    /// Warn-level policy violations: the write was accepted, and these are the caller's to fix.
    public var warnings: [PolicyViolation] = []
    /// The document's revision as this write left it (domains, products, contracts), so the
    /// answer to a write shows what was stored without reading it again.
    public var stored: StoredDocument?
}

extension WriteResult {
    init(_ stored: StoredDocument, change: Change, warnings: [PolicyViolation] = []) {
        self.init(kind: stored.kind, key: stored.key, revision: stored.revision, change: change, warnings: warnings, stored: stored)
    }
}
