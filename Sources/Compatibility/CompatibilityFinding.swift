import JSON

/// One difference found between two schema versions, with where it is and how much it matters.
public struct CompatibilityFinding: Sendable, Hashable {
    /// A stable identifier of the rule, e.g. `avro.reader-field-missing-default`.
    public var rule: String
    /// Where the difference is in the old document, when it exists there.
    public var oldPath: JSONPointer?
    /// Where the difference is in the new document, when it exists there.
    public var newPath: JSONPointer?
    /// What the rule needed, e.g. `a default for field 'email'`.
    public var expected: String
    /// What the schemas have, e.g. `no default`.
    public var found: String
    /// How much the difference matters under the mode.
    public var verdict: CompatibilityVerdict
    /// A sentence for people: what changed, why it matters and how to fix it.
    public var message: String
    /// Which way data flowed in the pairwise check that found it.
    public var direction: CompatibilityDirection
    /// The index, in the `previous` list given to the check, of the version compared with.
    public var previousIndex: Int

    /// Creates a finding.
    public init(
        rule: String, oldPath: JSONPointer?, newPath: JSONPointer?, expected: String, found: String,
        verdict: CompatibilityVerdict, message: String, direction: CompatibilityDirection, previousIndex: Int = 0
    ) {
        self.rule = rule
        self.oldPath = oldPath
        self.newPath = newPath
        self.expected = expected
        self.found = found
        self.verdict = verdict
        self.message = message
        self.direction = direction
        self.previousIndex = previousIndex
    }

    /// The finding as a JSON object; absent paths are `null`.
    public var json: JSONValue {
        [
            "rule": .string(rule),
            "oldPath": oldPath.map { .string($0.description) } ?? .null,
            "newPath": newPath.map { .string($0.description) } ?? .null,
            "expected": .string(expected),
            "found": .string(found),
            "verdict": .string(verdict.rawValue),
            "message": .string(message),
            "direction": .string(direction.rawValue),
            "previousIndex": .integer(Int64(previousIndex)),
        ]
    }
}
