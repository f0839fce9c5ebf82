extension LineageGraph {
    /// Walks from `id` up to `depth` edges (clamped to 0…``maximumDepth``); cycles end the walk.
    ///
    /// From a column the walk follows column lineage (`derives`) and `sameAs` only; from any other
    /// node it follows every edge but `derives`.
    public func traverse(from id: LineageNodeID, direction: LineageDirection, depth: Int) throws(LineageQueryError) -> LineageTraversal {
        guard let start = index(of: id) else { throw LineageQueryError.unknown(id) }
        let depth = min(max(depth, 0), Self.maximumDepth)
        let followsColumns = id.kind == .column
        var distances = [Int32](repeating: -1, count: nodeCount)
        var order: [Int32] = []
        switch direction {
        case .downstream: walk(from: [start], lists: outgoing, depth: depth, columns: followsColumns, distances: &distances, order: &order)
        case .upstream: walk(from: [start], lists: incoming, depth: depth, columns: followsColumns, distances: &distances, order: &order)
        case .both:
            walk(from: [start], lists: outgoing, depth: depth, columns: followsColumns, distances: &distances, order: &order)
            var upstream = [Int32](repeating: -1, count: nodeCount)
            var upstreamOrder: [Int32] = []
            walk(from: [start], lists: incoming, depth: depth, columns: followsColumns, distances: &upstream, order: &upstreamOrder)
            for index in upstreamOrder {
                if distances[Int(index)] < 0 { order.append(index) }
                if distances[Int(index)] < 0 || upstream[Int(index)] < distances[Int(index)] { distances[Int(index)] = upstream[Int(index)] }
            }
        }
        return LineageTraversal(
            root: id, direction: direction, depth: depth, graph: self, order: order, distances: distances, followsColumns: followsColumns)
    }

    /// The shortest path along the data flow from `source` to `target`, or from `target` to
    /// `source` when only that way connects; nil when neither does.
    public func shortestPath(from source: LineageNodeID, to target: LineageNodeID) throws(LineageQueryError) -> LineagePath? {
        guard let start = index(of: source) else { throw LineageQueryError.unknown(source) }
        guard let end = index(of: target) else { throw LineageQueryError.unknown(target) }
        let columns = source.kind == .column
        return path(from: start, to: end, columns: columns) ?? path(from: end, to: start, columns: columns)
    }

    /// True when walks of the given level follow edges of `kind`.
    func follows(_ kind: LineageEdgeKind, columns: Bool) -> Bool {
        columns ? (kind.isColumnLevel || kind == .sameAs) : !kind.isColumnLevel
    }

    /// Breadth-first walk over `lists` from every start at once, recording distances and the
    /// order nodes were reached. With `refinedPorts`, a product's `publishes` edge is skipped for
    /// ports whose inputs `outputPorts[].inputContracts` names (they are reached through `feeds`).
    func walk(
        from starts: [Int32], lists: AdjacencyIndex, depth: Int, columns: Bool, refinedPorts: Bool = false,
        distances: inout [Int32], order: inout [Int32]
    ) {
        var queue = [Int32](repeating: 0, count: nodeCount)
        var tail = 0
        distances.withUnsafeMutableBufferPointer { distances in
            queue.withUnsafeMutableBufferPointer { queue in
                for start in starts where distances[Int(start)] < 0 {
                    distances[Int(start)] = 0
                    queue[tail] = start
                    tail += 1
                }
                lists.withView { view in
                    var head = 0
                    while head < tail {
                        let current = queue[head]
                        head += 1
                        let next = distances[Int(current)] + 1
                        guard next <= depth else { continue }
                        view.forEach(of: current) { adjacency in
                            guard distances[Int(adjacency.node)] < 0, follows(adjacency.kind, columns: columns) else { return }
                            if refinedPorts, adjacency.kind == .publishes, incoming[adjacency.node].contains(where: { $0.kind == .feeds }) { return }
                            distances[Int(adjacency.node)] = next
                            queue[tail] = adjacency.node
                            tail += 1
                        }
                    }
                }
            }
        }
        order += queue[..<tail]
    }

    private func path(from start: Int32, to end: Int32, columns: Bool) -> LineagePath? {
        var parents = [Int32](repeating: -1, count: nodeCount)
        var parentEdges = [Adjacency?](repeating: nil, count: nodeCount)
        parents[Int(start)] = start
        var queue: [Int32] = [start]
        var head = 0
        while head < queue.count, parents[Int(end)] < 0 {
            let current = queue[head]
            head += 1
            for adjacency in outgoing[current] where parents[Int(adjacency.node)] < 0 && follows(adjacency.kind, columns: columns) {
                parents[Int(adjacency.node)] = current
                parentEdges[Int(adjacency.node)] = adjacency
                queue.append(adjacency.node)
            }
        }
        guard parents[Int(end)] >= 0 else { return nil }
        var nodeIndices: [Int32] = [end]
        var edges: [LineageEdge] = []
        var current = end
        while current != start, let adjacency = parentEdges[Int(current)] {
            let parent = parents[Int(current)]
            edges.append(edge(from: parent, adjacency))
            nodeIndices.append(parent)
            current = parent
        }
        return LineagePath(nodes: nodeIndices.reversed().map { nodes[Int($0)].id }, edges: edges.reversed())
    }
}
