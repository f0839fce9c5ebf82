/// A contract version named by id and version, written `id@version`.
public struct ContractReference: Sendable, Hashable, CustomStringConvertible {
    /// The contract's `id`.
    public var id: String
    /// The contract's `version` as written (SemVer when the document is registrable).
    public var version: String

    /// Creates a reference.
    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }

    /// `id@version`.
    public var description: String { "\(id)@\(version)" }
}
