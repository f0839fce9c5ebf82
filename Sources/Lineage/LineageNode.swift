/// A lineage node: its id and what queries and exports show about it.
public struct LineageNode: Sendable, Hashable {
    /// The node's id.
    public var id: LineageNodeID
    /// A human label, e.g. a product's `name`; defaults to the id's display name.
    public var label: String
    /// The owning team, for products, ports and contracts whose documents name one.
    public var team: String?

    /// Creates a node.
    public init(id: LineageNodeID, label: String? = nil, team: String? = nil) {
        self.id = id
        self.label = label ?? id.displayName
        self.team = team
    }
}
