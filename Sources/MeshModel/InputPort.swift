import JSON

/// An ODPS input port: the contract version a product reads.
public struct InputPort: Sendable, Hashable {
    /// The port's name.
    public var name: String
    /// The id of the contract read; empty when not given (ODPS v1.1.0 makes it optional, the registry requires it).
    public var contractId: String
    /// The contract version read, as written; empty when not given.
    public var version: String
    /// True when `customProperties` has `external: true`: the contract is outside the registry and
    /// need not be registered.
    public var isExternal: Bool
    /// Whether the port is marked `deprecated: true` (ODPS v1.1.0).
    public var deprecated: Bool
    /// Where the port is, e.g. `/inputPorts/0`.
    public var pointer: JSONPointer

    /// The contract version this port reads.
    public var reference: ContractReference { ContractReference(id: contractId, version: version) }
}
