import JSON

/// The result of a compatibility check: every finding, from which the verdicts are derived.
public struct CompatibilityReport: Sendable, Hashable {
    /// The mode the check ran under.
    public var mode: CompatibilityMode
    /// The findings, in the order the pairwise checks produced them.
    public var findings: [CompatibilityFinding]

    /// Creates a report.
    public init(mode: CompatibilityMode, findings: [CompatibilityFinding]) {
        self.mode = mode
        self.findings = findings
    }

    /// True when no finding is breaking.
    public var isCompatible: Bool { !findings.contains { $0.verdict == .breaking } }

    /// The strongest verdict among the findings, or nil when nothing changed; the semver gate uses it.
    public var changeClass: CompatibilityVerdict? { findings.lazy.map(\.verdict).max() }

    /// The strongest verdict against one earlier version (its index in the `against` list); the
    /// semver gate compares with the latest version only, even under transitive modes.
    public func changeClass(againstPreviousAt index: Int) -> CompatibilityVerdict? {
        findings.lazy.filter { $0.previousIndex == index }.map(\.verdict).max()
    }

    /// The findings whose verdict is breaking.
    public var breakingFindings: [CompatibilityFinding] { findings.filter { $0.verdict == .breaking } }

    /// The report as JSON: `mode`, `isCompatible`, `changeClass` (or `"none"`) and `findings`.
    public var json: JSONValue {
        [
            "mode": .string(mode.rawValue),
            "isCompatible": .bool(isCompatible),
            "changeClass": .string(changeClass?.rawValue ?? "none"),
            "findings": .array(findings.map(\.json)),
        ]
    }
}
