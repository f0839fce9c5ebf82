/// Limits that keep a hostile YAML document from exhausting memory, time or the stack.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest accepted input, in bytes.
    public var maxBytes: Int
    /// The deepest accepted nesting of mappings and sequences.
    public var maxDepth: Int
    /// How many nodes aliases may add in total when expanded ("billion laughs" protection).
    public var maxAliasExpansionNodes: Int
    /// The longest accepted scalar, in UTF-8 bytes after escapes and folding.
    public var maxScalarBytes: Int

    /// Limits with the given values; each defaults to the value in `.default`.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxAliasExpansionNodes: Int = 100_000, maxScalarBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansionNodes = maxAliasExpansionNodes
        self.maxScalarBytes = maxScalarBytes
    }

    /// 8 MiB input, depth 64, 100,000 alias-expanded nodes, 1 MiB scalars.
    public static let `default` = YAMLLimits()
}
