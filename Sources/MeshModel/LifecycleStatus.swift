/// The lifecycle states the registry knows for products and contracts.
public enum LifecycleStatus: String, Sendable, CaseIterable {
    case proposed, draft, active, deprecated, retired

    /// The allowed values, comma-separated, for messages.
    static let allowedList = allCases.map(\.rawValue).joined(separator: ", ")
}
