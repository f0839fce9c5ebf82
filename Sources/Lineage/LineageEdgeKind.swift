/// Why one node feeds another. Edges point the way data flows, from upstream to downstream.
public enum LineageEdgeKind: String, Sendable, Hashable, CaseIterable {
    /// product → port: the product publishes the output port. A product is made of its ports, so
    /// upstream walks from a product also take in what feeds its ports' datasets.
    case publishes
    /// port → contract: the port's data follows the contract version.
    case conformsTo
    /// contract → product: an input port of the product reads the contract version;
    /// dataset → job: a run of the job read the dataset.
    case readBy
    /// contract → port: `outputPorts[].inputContracts` says the input feeds that output.
    case feeds
    /// job → dataset: a run of the job wrote the dataset.
    case writes
    /// dataset → port: the dataset is the port's data (joined by server location); an identity,
    /// traversed both ways.
    case materializes
    /// dataset → dataset or column → column: two names of one thing (OpenLineage `symlinks`);
    /// an identity, traversed both ways.
    case sameAs
    /// column → column: the output field is computed from the input field (`columnLineage`).
    case derives
    /// port → team or product: a consumer holds an access grant on the port.
    case grant

    /// True for identities, which queries follow in both directions.
    public var isIdentity: Bool { self == .materializes || self == .sameAs }
    /// True for edges that upstream walks also follow forwards, from the source to the target.
    var isFollowedForwardUpstream: Bool { self == .publishes }
    /// True for edges between columns, which dataset-level queries leave out.
    var isColumnLevel: Bool { self == .derives }
}
