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
        if existing.status == "retired", let stored = try store.currentRevision(.product, id) {
            return WriteResult(stored, change: .unchanged)
        }
        try store.requireNoDependants(ofProduct: id)
        document["status"] = "retired"
        let encoded = EncodedDocument(.object(document))
        let stored = try store.insertRevision(.product, id, document: encoded, original: Array(encoded.text.utf8),
                                              mediaType: DocumentSubmission.MediaType.json.rawValue, actor: actor)
        try store.retireProduct(id, revision: stored.revision)
        try store.refreshLineage(forProduct: id)
        try store.audit("product.retire", .product, id, revision: stored.revision, domain: existing.domain, actor: actor)
        return WriteResult(stored, change: .retired)
    }
}
