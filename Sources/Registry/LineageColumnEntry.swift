import Lineage

/// One column in the column lineage of a contract property.
public struct LineageColumnEntry: Sendable, Hashable {
    /// The column node.
    public var column: LineageNodeID
    /// `upstream` for columns the property is computed from, `downstream` for columns computed from it.
    public var direction: LineageDirection
    /// Column-lineage edges from the property's column.
    public var distance: Int
}
