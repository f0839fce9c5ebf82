import JSON

/// Retires one contract version, refused while any product still reads or publishes it.
struct RetireContractVersion {
    let id: String
    let version: String

    func execute(_ store: RegistryStore, actor: Principal) throws -> WriteResult {
        let key = RegistryStore.contractKey(id, version)
        guard let existing = try store.contractRecord(id, version), case .object(var document)? = try store.currentDocument(.contract, key) else {
            throw RegistryError(.notFound, "no contract \(id) version \(version) is published")
        }
        try Ownership(store: store, actor: actor).requireMember(of: existing.team, toChange: "the contract \(key)")
        if existing.status == "retired", let stored = try store.currentRevision(.contract, key) {
            return WriteResult(stored, change: .unchanged)
        }
        let users = try store.productsUsing(contract: id, version: version)
        if !users.isEmpty {
            throw RegistryError(.hasDependants, "the contract \(key) is still read or published by products; they must move off it before it is retired",
                                dependants: users.map { "product:\($0)" })
        }
        document["status"] = "retired"
        let encoded = EncodedDocument(.object(document))
        let stored = try store.insertRevision(.contract, key, document: encoded, original: Array(encoded.text.utf8),
                                              mediaType: DocumentSubmission.MediaType.json.rawValue, actor: actor)
        try store.retireContract(id, version, revision: stored.revision)
        try store.audit("contract.retire", .contract, key, revision: stored.revision, domain: existing.domain, actor: actor)
        return WriteResult(stored, change: .retired)
    }
}
