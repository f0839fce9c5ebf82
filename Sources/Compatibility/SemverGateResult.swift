import MeshModel

/// The outcome of ``SemverGate/check(previous:proposed:changeClass:)``.
public enum SemverGateResult: Sendable, Hashable {
    /// The proposed version is large enough.
    case ok
    /// The bump is too small: `needed` is the part to increment and `suggested` the smallest valid version.
    case tooSmall(needed: SemanticVersion.Part, suggested: SemanticVersion)

    /// Whether the proposed version passes the gate.
    public var isAllowed: Bool { self == .ok }
}
