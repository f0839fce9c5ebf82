/// Confluent's compatibility modes: which directions to check and against which versions.
public enum CompatibilityMode: String, Sendable, Hashable, CaseIterable {
    /// No check; differences are still listed, none as breaking.
    case none = "NONE"
    /// The new schema reads data written with the latest earlier one.
    case backward = "BACKWARD"
    /// The new schema reads data written with every earlier one.
    case backwardTransitive = "BACKWARD_TRANSITIVE"
    /// The latest earlier schema reads data written with the new one.
    case forward = "FORWARD"
    /// Every earlier schema reads data written with the new one.
    case forwardTransitive = "FORWARD_TRANSITIVE"
    /// BACKWARD and FORWARD against the latest earlier schema.
    case full = "FULL"
    /// BACKWARD and FORWARD against every earlier schema.
    case fullTransitive = "FULL_TRANSITIVE"

    /// Parses a Confluent mode name case-insensitively, e.g. `backward_transitive`.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// Whether the new version is compared with every earlier version rather than only the latest.
    public var isTransitive: Bool {
        self == .backwardTransitive || self == .forwardTransitive || self == .fullTransitive
    }

    /// The directions checked for each pair; NONE checks backward to list differences as information.
    public var directions: [CompatibilityDirection] {
        switch self {
        case .none, .backward, .backwardTransitive: [.backward]
        case .forward, .forwardTransitive: [.forward]
        case .full, .fullTransitive: [.backward, .forward]
        }
    }
}
