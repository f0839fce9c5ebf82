/// Nodes and edges: what a document or event contributes, or what a query returns.
public struct LineageSubgraph: Sendable, Hashable {
    /// The nodes, each id once.
    public private(set) var nodes: [LineageNode] = []
    /// The edges, each once.
    public private(set) var edges: [LineageEdge] = []
    private var nodeIndices: [LineageNodeID: Int] = [:]
    private var edgeSet: Set<LineageEdge> = []

    /// An empty subgraph.
    public init() {}

    /// A subgraph of `nodes` and `edges`; every edge endpoint not in `nodes` is added with default labels.
    public init(nodes: [LineageNode], edges: [LineageEdge]) {
        for node in nodes { add(node) }
        for edge in edges { add(edge) }
    }

    /// Adds a node; a node already present keeps its id and takes the new label and a non-nil team.
    public mutating func add(_ node: LineageNode) {
        if let index = nodeIndices[node.id] {
            let defaultLabel = node.label == node.id.displayName
            if !defaultLabel { nodes[index].label = node.label }
            if let team = node.team { nodes[index].team = team }
        } else {
            nodeIndices[node.id] = nodes.count
            nodes.append(node)
        }
    }

    /// Adds an edge once, and its endpoints when they are new.
    public mutating func add(_ edge: LineageEdge) {
        guard edgeSet.insert(edge).inserted else { return }
        for id in [edge.from, edge.to] where nodeIndices[id] == nil { add(LineageNode(id: id)) }
        edges.append(edge)
    }

    /// Adds everything in `other`.
    public mutating func merge(_ other: LineageSubgraph) {
        for node in other.nodes { add(node) }
        for edge in other.edges { add(edge) }
    }

    /// The node with `id`, if present.
    public func node(_ id: LineageNodeID) -> LineageNode? { nodeIndices[id].map { nodes[$0] } }

    /// The same subgraph with nodes and edges sorted by id, for stable output.
    public var sorted: LineageSubgraph {
        LineageSubgraph(nodes: nodes.sorted { $0.id < $1.id }, edges: edges.sorted())
    }
}
