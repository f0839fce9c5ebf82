import MeshModel

/// The semver gate: a version bump must be at least as large as the change it carries
/// (docs/ARCHITECTURE.md, "Versions and the semver gate").
public enum SemverGate {
    /// Checks that `proposed` bumps `previous` enough for `changeClass` (nil: nothing changed).
    ///
    /// Breaking changes need a major bump, additive ones a minor bump and metadata a patch bump;
    /// a new major line is always allowed, and a version that does not increase is refused.
    public static func check(
        previous: SemanticVersion, proposed: SemanticVersion, changeClass: CompatibilityVerdict?
    ) -> SemverGateResult {
        if proposed.major > previous.major { return .ok }
        let needed: SemanticVersion.Part = switch changeClass {
        case .breaking: .major
        case .additive: .minor
        case .metadata, nil: .patch
        }
        let sufficient = switch needed {
        case .major: false
        case .minor: proposed.major == previous.major && proposed.minor > previous.minor
        case .patch: proposed > previous
        }
        if sufficient { return .ok }
        let suggested = previous.incremented(needed) ?? previous
        return .tooSmall(needed: needed, suggested: suggested)
    }
}
