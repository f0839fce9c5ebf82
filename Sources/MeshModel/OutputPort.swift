import JSON

/// An ODPS output port: what a product publishes, under which contract.
public struct OutputPort: Sendable, Hashable {
    /// The port's name.
    public var name: String
    /// The id of the contract behind the port (registry rules require it).
    public var contractId: String?
    /// The port's version, as written; empty when not given (ODPS v1.1.0 makes it optional, the registry requires it).
    public var version: String
    /// The free-text port type, e.g. `tables`.
    public var type: String?
    /// Whether the port is marked `deprecated: true` (ODPS v1.1.0).
    public var deprecated: Bool
    /// The input contracts that feed this port (ODPS `inputContracts`), for lineage.
    public var inputContracts: [ContractReference]
    /// Where the port is, e.g. `/outputPorts/0`.
    public var pointer: JSONPointer

    /// The contract version published, when the port names a contract.
    public var contractReference: ContractReference? {
        contractId.map { ContractReference(id: $0, version: version) }
    }
}
