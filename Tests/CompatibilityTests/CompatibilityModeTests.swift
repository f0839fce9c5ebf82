import Testing
@testable import Compatibility

/// Confluent's mode names and what each mode checks.
struct CompatibilityModeTests {
    @Test(arguments: CompatibilityMode.allCases)
    func namesParseCaseInsensitively(_ mode: CompatibilityMode) {
        #expect(CompatibilityMode(name: mode.rawValue.lowercased()) == mode)
        #expect(CompatibilityMode(name: mode.rawValue) == mode)
    }

    @Test func unknownNamesAreRejected() {
        #expect(CompatibilityMode(name: "SIDEWAYS") == nil)
        #expect(CompatibilityMode(name: "") == nil)
    }

    @Test func directionsFollowConfluent() {
        #expect(CompatibilityMode.backward.directions == [.backward])
        #expect(CompatibilityMode.forwardTransitive.directions == [.forward])
        #expect(CompatibilityMode.full.directions == [.backward, .forward])
        #expect(CompatibilityMode.fullTransitive.isTransitive)
        #expect(!CompatibilityMode.full.isTransitive)
    }
}
