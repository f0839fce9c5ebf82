import MeshModel
import Testing
@testable import Compatibility

/// The semver gate: breaking needs a major bump, additive a minor, metadata a patch.
struct SemverGateTests {
    static func version(_ text: String) -> SemanticVersion { SemanticVersion(text)! }

    @Test(arguments: [
        ("1.2.3", "2.0.0", CompatibilityVerdict?.some(.breaking), nil as String?),
        ("1.2.3", "1.3.0", .breaking, "2.0.0"),
        ("1.2.3", "1.3.0", .additive, nil),
        ("1.2.3", "1.2.4", .additive, "1.3.0"),
        ("1.2.3", "1.2.4", .metadata, nil),
        ("1.2.3", "1.2.3", .metadata, "1.2.4"),
        ("1.2.3", "1.2.2", nil, "1.2.4"),
        ("1.2.3", "3.0.0", .metadata, nil),
        ("1.2.3", "1.4.0-rc.1", .additive, nil),
    ])
    func bumpMustMatchTheChange(previous: String, proposed: String, change: CompatibilityVerdict?, suggested: String?) {
        let result = SemverGate.check(previous: Self.version(previous), proposed: Self.version(proposed), changeClass: change)
        if let suggested {
            guard case .tooSmall(_, let version) = result else {
                Issue.record("expected a refusal suggesting \(suggested), got \(result)")
                return
            }
            #expect(version.description == suggested)
            #expect(!result.isAllowed)
        } else {
            #expect(result == .ok)
        }
    }

    @Test func theGateTakesTheReportsChangeClass() throws {
        let report = CompatibilityReport(mode: .backward, findings: [
            CompatibilityFinding(rule: "x", oldPath: nil, newPath: nil, expected: "", found: "", verdict: .additive, message: "", direction: .backward),
            CompatibilityFinding(rule: "y", oldPath: nil, newPath: nil, expected: "", found: "", verdict: .metadata, message: "", direction: .backward),
        ])
        #expect(SemverGate.check(previous: Self.version("0.4.1"), proposed: Self.version("0.4.2"), changeClass: report.changeClass)
            == .tooSmall(needed: .minor, suggested: Self.version("0.5.0")))
    }
}
