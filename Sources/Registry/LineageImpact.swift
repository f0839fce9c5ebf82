import Lineage

/// The answer to "what breaks downstream?": what the change breaks and who reads it.
public struct LineageImpact: Sendable {
    /// The contract versions (and properties) the change breaks; empty for a compatible change.
    public var broken: [BrokenContract]
    /// The downstream products, ports, teams and columns, nearest first.
    public var report: ImpactReport

    /// True when something downstream reads what breaks.
    public var breaksSomething: Bool { !report.products.isEmpty || !report.columns.isEmpty }
}
