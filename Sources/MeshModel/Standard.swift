/// The open standards the registry reads, with the versions it accepts.
public enum Standard: String, Sendable, CaseIterable {
    case odps = "ODPS"
    case odcs = "ODCS"

    /// The `apiVersion` values the registry reads, newest first (the schemas' `apiVersion` enums;
    /// ODCS v2.2.x has another layout and is refused).
    public var apiVersions: [String] {
        switch self {
        case .odps: ["v1.1.0", "v1.0.0", "v0.9.0"]
        case .odcs: ["v3.2.0", "v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0"]
        }
    }

    /// The newest version, which `meshreg upgrade` writes.
    public var currentAPIVersion: String { apiVersions[0] }

    /// The document kind written in this standard.
    public var kind: DocumentKind {
        switch self {
        case .odps: .dataProduct
        case .odcs: .dataContract
        }
    }

    /// The standard whose documents have `kind`; nil for registry documents (domains).
    public init?(kind: DocumentKind) {
        guard let standard = Self.allCases.first(where: { $0.kind == kind }) else { return nil }
        self = standard
    }

    /// The standard with `apiVersion` among its versions.
    public init?(apiVersion: String) {
        guard let standard = Self.allCases.first(where: { $0.apiVersions.contains(apiVersion) }) else { return nil }
        self = standard
    }
}
