import JSON

/// An ODPS input port: the contract version a product reads.
public struct InputPort: Sendable, Hashable {
    /// The port's name.
    public var name: String
    /// The id of the contract read.
    public var contractId: String
    /// The contract version read, as written.
    public var version: String
    /// True when `customProperties` has `external: true`: the contract is outside the registry and
    /// need not be registered.
    public var isExternal: Bool
    /// Where the port is, e.g. `/inputPorts/0`.
    public var pointer: JSONPointer

    /// The contract version this port reads.
    public var reference: ContractReference { ContractReference(id: contractId, version: version) }
}
