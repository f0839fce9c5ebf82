import Compatibility

/// Settings of a registry that are not in its documents.
public struct RegistryConfiguration: Sendable, Hashable {
    /// The compatibility mode of contracts that name none (SPEC §5: FULL, since consumers in other
    /// teams upgrade on their own schedule).
    public var defaultContractCompatibility: CompatibilityMode

    public init(defaultContractCompatibility: CompatibilityMode = .full) {
        self.defaultContractCompatibility = defaultContractCompatibility
    }
}
