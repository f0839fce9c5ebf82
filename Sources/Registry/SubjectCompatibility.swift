import Compatibility

/// The outcome of a compatibility test: the report and the versions it compared with.
public struct SubjectCompatibility: Sendable, Hashable {
    public var report: CompatibilityReport
    /// The level the test ran under.
    public var mode: CompatibilityMode
    /// The versions compared with, oldest first.
    public var versions: [Int]
}
