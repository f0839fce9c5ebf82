/// Bounds that keep compiling and evaluating an untrusted expression cheap and safe.
public struct CELLimits: Sendable, Hashable {
    /// Longest accepted source text, in UTF-8 bytes.
    public var maxSourceBytes: Int
    /// Deepest nesting of parentheses, calls, literals and operators.
    public var maxNestingDepth: Int
    /// Comprehension iterations allowed in one evaluation, summed over all macros.
    public var maxIterations: Int
    /// Largest string or bytes value an operation may produce, in bytes.
    public var maxStringBytes: Int
    /// Largest list an operation may produce, in elements.
    public var maxListCount: Int

    /// Limits with the given bounds; the defaults suit policy expressions.
    public init(maxSourceBytes: Int = 16 << 10, maxNestingDepth: Int = 100, maxIterations: Int = 100_000,
                maxStringBytes: Int = 1 << 20, maxListCount: Int = 100_000) {
        self.maxSourceBytes = maxSourceBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxIterations = maxIterations
        self.maxStringBytes = maxStringBytes
        self.maxListCount = maxListCount
    }

    /// 16 KiB of source, depth 100, 100 000 iterations, 1 MiB strings, 100 000-element lists.
    public static let `default` = CELLimits()
}
