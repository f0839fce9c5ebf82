/// Text that is not a SemVer 2.0.0 version, with the reason and how to fix it.
public struct SemanticVersionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was read.
    public var text: String
    /// What is wrong, e.g. "needs three numbers MAJOR.MINOR.PATCH, e.g. 1.2.0".
    public var reason: String

    /// `'1.2' is not a semantic version: …`.
    public var description: String { "'\(text)' is not a semantic version (SemVer 2.0.0): \(reason)" }
}
