import Compatibility
import Policy

/// Settings of a registry that are not in its documents.
public struct RegistryConfiguration: Sendable {
    /// The compatibility mode of contracts that name none (FULL by default, since consumers in other
    /// teams upgrade on their own schedule).
    public var defaultContractCompatibility: CompatibilityMode
    /// The policies enforced on writes and used by the audit scan; empty by default.
    public var policies: PolicySet
    /// Whether any authenticated caller may write schema-registry subjects that name no Kafka
    /// topic of a registered contract; when false (the default) those need an admin.
    public var openSubjects: Bool
    /// Whether webhook URLs may reach loopback, private, link-local and metadata addresses
    /// (tests and local development); false by default, against SSRF.
    public var allowsPrivateWebhooks: Bool

    public init(defaultContractCompatibility: CompatibilityMode = .full, policies: PolicySet = PolicySet(), openSubjects: Bool = false,
                allowsPrivateWebhooks: Bool = false) {
        self.defaultContractCompatibility = defaultContractCompatibility
        self.policies = policies
        self.openSubjects = openSubjects
        self.allowsPrivateWebhooks = allowsPrivateWebhooks
    }
}
