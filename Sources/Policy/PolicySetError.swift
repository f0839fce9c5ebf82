/// Why a policy set was refused as a whole: every problem found in every file, in file order.
public struct PolicySetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems; never empty.
    public var problems: [PolicyLoadError]

    /// An error listing `problems`.
    public init(problems: [PolicyLoadError]) {
        precondition(!problems.isEmpty, "a policy set error needs at least one problem")
        self.problems = problems
    }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
