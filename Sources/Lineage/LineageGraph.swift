/// The lineage graph as an in-memory adjacency index in both directions (docs/ARCHITECTURE.md, "Lineage").
///
/// Nodes get dense integer indices; outgoing and incoming edges are flat `(index, kind)` arrays
/// (``AdjacencyIndex``), so queries walk integers and flat arrays, never strings. The index is built
/// incrementally (``add(_:)-(LineageEdge)``, ``remove(_:)``) so a store can keep it in sync.
/// Identity edges (``LineageEdgeKind/isIdentity``) are indexed both ways, so a dataset and the
/// port it materializes, or two symlinked names, share their upstream and downstream; `publishes`
/// is also indexed forwards for upstream walks, so a product's upstream includes its ports' writers.
public struct LineageGraph: Sendable {
    /// The deepest a traversal goes; larger depths are clamped to it.
    public static let maximumDepth = 20

    /// One entry of a node's adjacency list.
    typealias Adjacency = AdjacencyIndex.Entry

    private struct EdgeKey: Hashable {
        var from: Int32
        var to: Int32
        var kind: LineageEdgeKind
    }

    private(set) var nodes: [LineageNode] = []
    private var indexByID: [LineageNodeID: Int32] = [:]
    private(set) var outgoing = AdjacencyIndex()
    private(set) var incoming = AdjacencyIndex()
    private var edgeKeys: Set<EdgeKey> = []
    /// The dataset and job namespaces seen, for reading Marquez-style node ids.
    public private(set) var namespaces: Set<String> = []

    /// An empty graph.
    public init() {}

    /// A graph holding `subgraph`.
    public init(_ subgraph: LineageSubgraph) {
        add(subgraph)
    }

    /// The number of nodes.
    public var nodeCount: Int { nodes.count }
    /// The number of edges (an identity edge counts once).
    public var edgeCount: Int { edgeKeys.count }

    /// The node with `id`, if the graph has it.
    public func node(_ id: LineageNodeID) -> LineageNode? { indexByID[id].map { nodes[Int($0)] } }

    /// Reads a node id in the encoded form or Marquez's `dataset:NAMESPACE:NAME`, against this graph's namespaces.
    public func nodeID(parsing text: String) -> LineageNodeID? {
        LineageNodeID(marquez: text, knownNamespaces: namespaces)
    }

    /// Adds or updates a node: a later label or team replaces the earlier one.
    public mutating func add(_ node: LineageNode) {
        let index = indexForInserting(node.id)
        if node.label != node.id.displayName { nodes[Int(index)].label = node.label }
        if let team = node.team { nodes[Int(index)].team = team }
    }

    /// Adds an edge (and its endpoints) once; returns false when it was already present.
    @discardableResult
    public mutating func add(_ edge: LineageEdge) -> Bool {
        let from = indexForInserting(edge.from)
        let to = indexForInserting(edge.to)
        guard edgeKeys.insert(EdgeKey(from: from, to: to, kind: edge.kind)).inserted else { return false }
        outgoing.insert(Adjacency(node: to, kind: edge.kind, isReverse: false), at: from)
        incoming.insert(Adjacency(node: from, kind: edge.kind, isReverse: false), at: to)
        if edge.kind.isIdentity {
            outgoing.insert(Adjacency(node: from, kind: edge.kind, isReverse: true), at: to)
            incoming.insert(Adjacency(node: to, kind: edge.kind, isReverse: true), at: from)
        } else if edge.kind.isFollowedForwardUpstream {
            incoming.insert(Adjacency(node: to, kind: edge.kind, isReverse: true), at: from)
        }
        return true
    }

    /// Adds every node and edge of `subgraph`.
    public mutating func add(_ subgraph: LineageSubgraph) {
        for node in subgraph.nodes { add(node) }
        for edge in subgraph.edges { add(edge) }
    }

    /// Removes an edge; returns false when it was not present. Nodes stay.
    @discardableResult
    public mutating func remove(_ edge: LineageEdge) -> Bool {
        guard let from = indexByID[edge.from], let to = indexByID[edge.to],
            edgeKeys.remove(EdgeKey(from: from, to: to, kind: edge.kind)) != nil
        else { return false }
        outgoing.remove(Adjacency(node: to, kind: edge.kind, isReverse: false), at: from)
        incoming.remove(Adjacency(node: from, kind: edge.kind, isReverse: false), at: to)
        if edge.kind.isIdentity {
            outgoing.remove(Adjacency(node: from, kind: edge.kind, isReverse: true), at: to)
        }
        if edge.kind.isIdentity || edge.kind.isFollowedForwardUpstream {
            incoming.remove(Adjacency(node: to, kind: edge.kind, isReverse: true), at: from)
        }
        return true
    }

    /// Every node and edge, sorted by id.
    public var subgraph: LineageSubgraph {
        LineageSubgraph(nodes: nodes, edges: allEdges).sorted
    }

    /// Every stored edge once, in its stored direction.
    var allEdges: [LineageEdge] {
        nodes.indices.flatMap { from in
            outgoing[Int32(from)].lazy.filter { !$0.isReverse }.map { self.edge(from: Int32(from), $0) }
        }
    }

    /// The index of `id`, if present.
    func index(of id: LineageNodeID) -> Int32? { indexByID[id] }

    /// The edge an adjacency entry of `node`'s outgoing list stands for, in its stored direction.
    func edge(from node: Int32, _ adjacency: Adjacency) -> LineageEdge {
        let (from, to) = adjacency.isReverse ? (adjacency.node, node) : (node, adjacency.node)
        return LineageEdge(from: nodes[Int(from)].id, to: nodes[Int(to)].id, kind: adjacency.kind)
    }

    private mutating func indexForInserting(_ id: LineageNodeID) -> Int32 {
        if let index = indexByID[id] { return index }
        precondition(nodes.count < Int32.max, "the lineage graph holds at most Int32.max nodes")
        let index = Int32(nodes.count)
        indexByID[id] = index
        nodes.append(LineageNode(id: id))
        outgoing.appendNode()
        incoming.appendNode()
        if id.kind == .dataset || id.kind == .job { namespaces.insert(id.components[0]) }
        return index
    }
}
