/// The `kind` of a document the registry reads.
public enum DocumentKind: String, Sendable, CaseIterable {
    case domain = "Domain"
    case dataProduct = "DataProduct"
    case dataContract = "DataContract"
}
