/// The result of an upstream, downstream or both-ways walk: reached nodes with their distance.
///
/// Holds integer indices into a snapshot of the graph; ``nodes``, ``edges`` and ``subgraph``
/// materialize ids on demand, so the walk itself stays cheap.
public struct LineageTraversal: Sendable {
    /// A reached node and how many edges away from the start it is.
    public struct Reached: Sendable, Hashable {
        /// The node.
        public var node: LineageNode
        /// The number of edges on the shortest walk from the start; 0 for the start itself.
        public var distance: Int
    }

    /// The start node.
    public let root: LineageNodeID
    /// The direction walked.
    public let direction: LineageDirection
    /// The depth used, after clamping to ``LineageGraph/maximumDepth``.
    public let depth: Int
    let graph: LineageGraph
    /// Reached node indices in walk order (by distance), the root first.
    let order: [Int32]
    /// Distances by node index; -1 where not reached.
    let distances: [Int32]
    let followsColumns: Bool

    /// The number of nodes reached, the start included.
    public var count: Int { order.count }

    /// The reached nodes ordered by distance, then id.
    public var nodes: [Reached] {
        let nodes = graph.nodes
        return order.sorted { left, right in
            let (leftDistance, rightDistance) = (distances[Int(left)], distances[Int(right)])
            return leftDistance != rightDistance ? leftDistance < rightDistance : nodes[Int(left)].id < nodes[Int(right)].id
        }.map { Reached(node: nodes[Int($0)], distance: Int(distances[Int($0)])) }
    }

    /// The distance of `id` from the start, or nil when not reached.
    public func distance(to id: LineageNodeID) -> Int? {
        guard let index = graph.index(of: id), distances[Int(index)] >= 0 else { return nil }
        return Int(distances[Int(index)])
    }

    /// The edges walked between reached nodes, sorted, each in its stored direction.
    public var edges: [LineageEdge] {
        var result: Set<LineageEdge> = []
        for index in order {
            for adjacency in graph.outgoing[index] where distances[Int(adjacency.node)] >= 0
                && graph.follows(adjacency.kind, columns: followsColumns)
            {
                result.insert(graph.edge(from: index, adjacency))
            }
        }
        return result.sorted()
    }

    /// The reached nodes and walked edges, sorted, for export.
    public var subgraph: LineageSubgraph {
        LineageSubgraph(nodes: nodes.map(\.node), edges: edges)
    }
}
