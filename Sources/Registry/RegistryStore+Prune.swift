extension RegistryStore {
    /// The products of `domains` that are not retired, by id.
    func unretiredProducts(inDomains domains: [String]) throws -> [String] {
        guard !domains.isEmpty else { return [] }
        return try db.query("SELECT id FROM products WHERE status != 'retired' AND domain IN (\(Self.placeholders(domains.count))) ORDER BY id", domains)
            .compactMap { $0.string("id") }
    }

    /// The contract versions of `domains` that are not retired.
    func unretiredContracts(inDomains domains: [String]) throws -> [(id: String, version: String)] {
        guard !domains.isEmpty else { return [] }
        return try db.query(
            "SELECT contract_id, version FROM contract_versions WHERE status != 'retired' AND domain IN (\(Self.placeholders(domains.count))) ORDER BY contract_id, version",
            domains
        ).compactMap { row in row.string("contract_id").flatMap { id in row.string("version").map { (id, $0) } } }
    }
}
