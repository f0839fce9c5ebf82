/// A shortest path between two nodes, in the direction data flows.
public struct LineagePath: Sendable, Hashable {
    /// The nodes from the upstream end to the downstream end.
    public var nodes: [LineageNodeID]
    /// The edges along the path, one fewer than the nodes, each in its stored direction.
    public var edges: [LineageEdge]
}
