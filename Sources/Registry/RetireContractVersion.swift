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
        if existing.status == "retired" {
            return WriteResult(kind: .contract, key: key, revision: existing.revision, change: .unchanged)
        }
        let users = try store.productsUsing(contract: id, version: version)
        if !users.isEmpty {
            throw RegistryError(.hasDependants, "the contract \(key) is still read or published by products; they must move off it before it is retired",
                                dependants: users.map { "product:\($0)" })
        }
        document["status"] = "retired"
        let json = JSONValue.object(document)
        let revision = try store.insertRevision(.contract, key, document: json, original: Array(json.encoded().utf8),
                                                mediaType: DocumentSubmission.MediaType.json.rawValue, actor: actor)
        try store.retireContract(id, version, revision: revision)
        try store.audit("contract.retire", .contract, key, revision: revision, domain: existing.domain, actor: actor)
        return WriteResult(kind: .contract, key: key, revision: revision, change: .retired)
    }
}
