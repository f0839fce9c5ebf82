/// Who a contract change breaks: downstream products, their ports, teams and columns, nearest first.
public struct ImpactReport: Sendable, Hashable {
    /// A downstream product that reads what breaks.
    public struct Product: Sendable, Hashable {
        /// The product's id.
        public var id: String
        /// The product's label (its `name`).
        public var name: String
        /// The owning team, when the product document names one.
        public var team: String?
        /// Edges from the broken contract to the product.
        public var distance: Int
        /// The product's output ports that carry the break onward, sorted.
        public var ports: [LineageNodeID]
        /// Columns of the product's datasets computed from broken properties, sorted.
        public var columns: [LineageNodeID]
    }

    /// A column computed, directly or not, from a broken property.
    public struct Column: Sendable, Hashable {
        /// The column node.
        public var id: LineageNodeID
        /// Column-lineage edges from the broken property.
        public var distance: Int
        /// The product whose port the column's dataset materializes, if any.
        public var product: String?
    }

    /// Impacted products ordered by distance, then id.
    public var products: [Product]
    /// Impacted columns ordered by distance, then id.
    public var columns: [Column]
    /// Teams that own an impacted product or hold a grant on an impacted port, sorted.
    public var teams: [String]
}
