/// Bounds on what the `.proto` parser accepts, so hostile input costs bounded time and memory.
public struct ProtobufLimits: Sendable, Hashable {
    /// The largest text, in bytes.
    public var maxBytes: Int
    /// How deeply messages, options and aggregates may nest.
    public var maxDepth: Int
    /// The most messages, enums, fields and enum values in one file, counted together.
    public var maxDefinitions: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 32, maxDefinitions: Int = 20_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxDefinitions = maxDefinitions
    }
}
