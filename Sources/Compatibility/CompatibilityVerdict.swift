/// How much a difference between two schema versions matters; the semver gate turns it into the
/// version bump the change needs.
///
/// Ordered from weakest to strongest: metadata < additive < breaking.
public enum CompatibilityVerdict: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Documentation only: descriptions, titles, tags, classification; a patch bump suffices.
    case metadata
    /// Compatible under the mode but changes what the schema describes; needs a minor bump.
    case additive
    /// Incompatible under the mode; needs a major bump.
    case breaking

    private var strength: Int {
        switch self {
        case .metadata: 0
        case .additive: 1
        case .breaking: 2
        }
    }

    public static func < (lhs: CompatibilityVerdict, rhs: CompatibilityVerdict) -> Bool { lhs.strength < rhs.strength }
}
