/// A directed lineage edge, from upstream to downstream.
public struct LineageEdge: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The upstream node.
    public var from: LineageNodeID
    /// The downstream node.
    public var to: LineageNodeID
    /// Why `from` feeds `to`.
    public var kind: LineageEdgeKind

    /// Creates an edge.
    public init(from: LineageNodeID, to: LineageNodeID, kind: LineageEdgeKind) {
        self.from = from
        self.to = to
        self.kind = kind
    }

    /// A stable id for storage, `<from> <kind> <to>`; node ids never contain spaces.
    public var description: String { "\(from) \(kind.rawValue) \(to)" }

    public static func < (lhs: LineageEdge, rhs: LineageEdge) -> Bool {
        (lhs.from, lhs.to, lhs.kind.rawValue) < (rhs.from, rhs.to, rhs.kind.rawValue)
    }
}
