import JSON

/// Retires a product (`DELETE /products/{id}`): a new revision whose status is `retired`,
/// refused while other products still read what it publishes.
struct RetireProduct {
    let id: String

    func execute(_ store: RegistryStore, actor: Principal) throws -> WriteResult {
        guard let existing = try store.productRecord(id), case .object(var document)? = try store.currentDocument(.product, id) else {
            throw RegistryError(.notFound, "no product \(id) is registered")
        }
        try Ownership(store: store, actor: actor).requireMember(of: existing.team, toChange: "the product \(id)")
        if existing.status == "retired" {
            return WriteResult(kind: .product, key: id, revision: existing.revision, change: .unchanged)
        }
        try store.requireNoDependants(ofProduct: id)
        document["status"] = "retired"
        let json = JSONValue.object(document)
        let revision = try store.insertRevision(.product, id, document: json, original: Array(json.encoded().utf8),
                                                mediaType: DocumentSubmission.MediaType.json.rawValue, actor: actor)
        try store.retireProduct(id, revision: revision)
        try store.refreshLineage(forProduct: id)
        try store.audit("product.retire", .product, id, revision: revision, domain: existing.domain, actor: actor)
        return WriteResult(kind: .product, key: id, revision: revision, change: .retired)
    }
}
