import Lineage

/// The stored graph: every node and every distinct edge, and the change it includes up to.
struct LineageSnapshot: Sendable {
    var graph: LineageGraph
    var sequence: Int64
}
