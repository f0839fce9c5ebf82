import Lineage

/// One row of `lineage_changes`: what one committed replacement did to the graph.
struct LineageChange: Sendable {
    var sequence: Int64
    var nodes: [LineageNode]
    var added: [LineageEdge]
    var removed: [LineageEdge]
}
