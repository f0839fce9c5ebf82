/// A layered left-to-right drawing of a lineage subgraph: upstream on the left, each edge
/// pointing right where the graph allows. Above `nodeLimit` nodes, nodes collapse into one box
/// per group (the caller's grouping, e.g. the owning domain). See docs/ARCHITECTURE.md, "Lineage".
///
/// Layers are longest paths from the sources (Kahn's order; a cycle is broken at its smallest
/// id); within a layer, boxes are ordered by the barycenter of their neighbours, sweeping right
/// and left a few times (Sugiyama et al., 1981).
public struct LineageLayout: Sendable {
    /// A box: one node, or a collapsed group of `count` nodes.
    public struct Box: Sendable, Hashable {
        public var id: String
        public var label: String
        /// The node's kind, or `group` for a collapsed group.
        public var kind: String
        /// The node, or nil for a group.
        public var node: LineageNodeID?
        public var count: Int
        public var layer: Int
        public var x: Int
        public var y: Int
    }

    /// An edge between two boxes, by index into ``boxes``.
    public struct Link: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var kind: String
    }

    public static let boxWidth = 200
    public static let boxHeight = 36
    static let columnGap = 60
    static let rowGap = 14
    static let margin = 16

    public private(set) var boxes: [Box] = []
    public private(set) var links: [Link] = []
    public private(set) var width = 0
    public private(set) var height = 0
    /// Whether nodes were collapsed into groups.
    public private(set) var isCollapsed = false

    /// Lays out `subgraph`; `group` names the group a node collapses into (nil keeps it apart).
    public init(_ subgraph: LineageSubgraph, root: LineageNodeID? = nil, nodeLimit: Int = 500,
                group: (LineageNode) -> String? = { _ in nil }) {
        var indexByKey: [String: Int] = [:]
        var boxOfNode: [LineageNodeID: Int] = [:]
        isCollapsed = subgraph.nodes.count > nodeLimit
        for node in subgraph.nodes {
            let groupName = isCollapsed && node.id != root ? (group(node) ?? "other \(node.id.kind.rawValue)s") : nil
            let key = groupName.map { "group:" + $0 } ?? node.id.description
            if let index = indexByKey[key] {
                boxes[index].count += 1
                boxOfNode[node.id] = index
                continue
            }
            indexByKey[key] = boxes.count
            boxOfNode[node.id] = boxes.count
            boxes.append(Box(id: key, label: groupName ?? node.label, kind: groupName == nil ? node.id.kind.rawValue : "group",
                             node: groupName == nil ? node.id : nil, count: 1, layer: 0, x: 0, y: 0))
        }
        var seen: Set<Link> = []
        for edge in subgraph.edges {
            guard let from = boxOfNode[edge.from], let to = boxOfNode[edge.to], from != to else { continue }
            let link = Link(from: from, to: to, kind: isCollapsed ? "group" : edge.kind.rawValue)
            if seen.insert(link).inserted { links.append(link) }
        }
        assignLayers()
        let rows = orderWithinLayers()
        for (layer, row) in rows.enumerated() {
            for (position, index) in row.enumerated() {
                boxes[index].x = Self.margin + layer * (Self.boxWidth + Self.columnGap)
                boxes[index].y = Self.margin + position * (Self.boxHeight + Self.rowGap)
            }
        }
        width = 2 * Self.margin + max(rows.count, 1) * (Self.boxWidth + Self.columnGap) - Self.columnGap
        height = 2 * Self.margin + max(rows.map(\.count).max() ?? 1, 1) * (Self.boxHeight + Self.rowGap) - Self.rowGap
    }

    /// Longest path from the sources in Kahn's order; when only cycles remain, the box with the
    /// smallest id among them starts as if it had no inputs.
    private mutating func assignLayers() {
        var incoming = [[Int]](repeating: [], count: boxes.count)
        var outgoing = [[Int]](repeating: [], count: boxes.count)
        for link in links {
            outgoing[link.from].append(link.to)
            incoming[link.to].append(link.from)
        }
        var remainingInputs = incoming.map(\.count)
        var placed = [Bool](repeating: false, count: boxes.count)
        var ready = boxes.indices.filter { remainingInputs[$0] == 0 }
        var placedCount = 0
        while placedCount < boxes.count {
            if ready.isEmpty {
                let next = boxes.indices.filter { !placed[$0] }.min { boxes[$0].id < boxes[$1].id }!
                ready.append(next)
            }
            let index = ready.removeLast()
            guard !placed[index] else { continue }
            placed[index] = true
            placedCount += 1
            boxes[index].layer = incoming[index].filter { placed[$0] }.map { boxes[$0].layer + 1 }.max() ?? 0
            for target in outgoing[index] where !placed[target] {
                remainingInputs[target] -= 1
                if remainingInputs[target] == 0 { ready.append(target) }
            }
        }
    }

    /// Box indices per layer, ordered to keep edges short and uncrossed.
    private func orderWithinLayers() -> [[Int]] {
        let layerCount = (boxes.map(\.layer).max() ?? -1) + 1
        var rows = [[Int]](repeating: [], count: layerCount)
        for index in boxes.indices.sorted(by: { boxes[$0].id < boxes[$1].id }) { rows[boxes[index].layer].append(index) }
        var neighbours = [[Int]](repeating: [], count: boxes.count)
        for link in links {
            neighbours[link.from].append(link.to)
            neighbours[link.to].append(link.from)
        }
        var position = [Int](repeating: 0, count: boxes.count)
        func remember(_ row: [Int]) { for (offset, index) in row.enumerated() { position[index] = offset } }
        rows.forEach(remember)
        for sweep in 0..<4 {
            let layers = sweep.isMultiple(of: 2) ? Array(rows.indices.dropFirst()) : Array(rows.indices.dropLast().reversed())
            for layer in layers {
                let adjacentLayer = sweep.isMultiple(of: 2) ? layer - 1 : layer + 1
                func barycenter(_ index: Int) -> Double {
                    let near = neighbours[index].filter { boxes[$0].layer == adjacentLayer }
                    guard !near.isEmpty else { return Double(position[index]) }
                    return Double(near.map { position[$0] }.reduce(0, +)) / Double(near.count)
                }
                let keys = Dictionary(uniqueKeysWithValues: rows[layer].map { ($0, barycenter($0)) })
                rows[layer].sort { keys[$0]! != keys[$1]! ? keys[$0]! < keys[$1]! : position[$0] < position[$1] }
                remember(rows[layer])
            }
        }
        return rows
    }
}
