import Policy

/// What one accepted write did.
public struct WriteResult: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case domain, product, contract, token, access, subject
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
}
