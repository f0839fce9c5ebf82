/// How much a violation weighs in a decision: the strongest validation action of its policy.
public enum PolicySeverity: String, Sendable, Hashable, Comparable {
    case audit, warn, deny

    private var rank: Int {
        switch self {
        case .audit: 0
        case .warn: 1
        case .deny: 2
        }
    }

    public static func < (lhs: PolicySeverity, rhs: PolicySeverity) -> Bool { lhs.rank < rhs.rank }
}
