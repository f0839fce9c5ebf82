import JSON

/// Any document the registry reads, chosen by its `kind`: a domain, a data product or a data contract.
public enum MeshDocument: Sendable, Hashable {
    case domain(DomainDocument)
    case product(DataProduct)
    case contract(DataContract)

    /// Reads `json` as the kind it declares, under that standard's rules.
    public static func decode(_ json: JSONValue) throws(DocumentValidationError) -> MeshDocument {
        let kinds = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
        func failure(_ code: String, _ pointer: JSONPointer, _ message: String) -> DocumentValidationError {
            DocumentValidationError(issues: [ValidationIssue(pointer: pointer, code: code, message: message)])
        }
        guard case .object(let root) = json else {
            throw failure(ValidationIssue.Code.wrongType, .root, "a document must be an object, found \(json.typeName)")
        }
        guard let kindValue = root["kind"] else {
            throw failure(ValidationIssue.Code.missingField, .root / "kind", "the document needs 'kind': one of \(kinds)")
        }
        guard let kindText = kindValue.stringValue else {
            throw failure(ValidationIssue.Code.wrongType, .root / "kind", "'kind' must be a string, found \(kindValue.typeName)")
        }
        switch DocumentKind(rawValue: kindText) {
        case .domain: return .domain(try DomainDocument(json: json))
        case .dataProduct: return .product(try DataProduct(json: json))
        case .dataContract: return .contract(try DataContract(json: json))
        case nil: throw failure(ValidationIssue.Code.invalidValue, .root / "kind", "kind '\(kindText)' is unknown; use one of \(kinds)")
        }
    }

    /// The document's kind.
    public var kind: DocumentKind {
        switch self {
        case .domain: .domain
        case .product: .dataProduct
        case .contract: .dataContract
        }
    }

    /// The document as given.
    public var json: JSONValue {
        switch self {
        case .domain(let document): document.json
        case .product(let product): product.json
        case .contract(let contract): contract.json
        }
    }

    /// Problems under the registry's rules that need no store; a domain has none beyond its own.
    public var registrationIssues: [ValidationIssue] {
        switch self {
        case .domain: []
        case .product(let product): product.registrationIssues
        case .contract(let contract): contract.registrationIssues
        }
    }
}
