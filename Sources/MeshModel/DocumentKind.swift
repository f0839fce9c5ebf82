/// The `kind` of a document the registry reads (SPEC §2).
public enum DocumentKind: String, Sendable, CaseIterable {
    case domain = "Domain"
    case dataProduct = "DataProduct"
    case dataContract = "DataContract"
}
