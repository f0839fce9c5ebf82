import JSON
import MeshModel
import SQL

/// The indexed columns of a stored product.
struct ProductRecord: Sendable, Hashable {
    var id: String
    var domain: String
    var team: String
    var status: String
    var revision: Int
}

extension RegistryStore {
    /// The products other than `excluding` whose input ports read `contract`, by id.
    func consumers(of contract: ContractReference, excluding: String?) throws -> [(id: String, domain: String, team: String, status: String)] {
        try db.query(
            """
            SELECT DISTINCT p.id, p.domain, p.team, p.status FROM product_ports pp JOIN products p ON p.id = pp.product_id
            WHERE pp.direction = 'input' AND pp.contract_id = ? AND pp.contract_version = ? AND p.id != ? ORDER BY p.id
            """, [contract.id, contract.version, excluding ?? ""]
        ).map { (id: $0.string("id") ?? "", domain: $0.string("domain") ?? "", team: $0.string("team") ?? "", status: $0.string("status") ?? "") }
    }

    /// An output port that publishes `contract`, or nil when no product does.
    func outputPort(publishing contract: ContractReference) throws -> (product: String, port: String)? {
        try db.query(
            "SELECT product_id, port FROM product_ports WHERE direction = 'output' AND contract_id = ? AND contract_version = ? LIMIT 1",
            [contract.id, contract.version]
        ).first.map { (product: $0.string("product_id") ?? "", port: $0.string("port") ?? "") }
    }

    /// One page of the product listing: products after the query's cursor that match its filters, by id.
    func productSummaries(_ query: ProductQuery, limit: Int) throws -> [ProductSummary] {
        var conditions = ["p.id > ?"]
        var values: [any SQLBindable] = [query.cursor ?? ""]
        for (column, value) in [("domain", query.domain), ("status", query.status), ("team", query.team)] {
            if let value {
                conditions.append("p.\(column) = ?")
                values.append(value)
            }
        }
        let dialect = db.dialect
        if let text = query.text?.lowercased(), !text.isEmpty {
            let columns = ["lower(p.id)", "lower(p.name)", "lower(p.description)", "p.keywords"]
            conditions.append("(" + columns.map { dialect.contains($0, "?") }.joined(separator: " OR ") + ")")
            values += [text, text, text, text]
        }
        if let classification = query.classification?.lowercased(), !classification.isEmpty {
            conditions.append(dialect.contains("p.classifications", "?"))
            values.append(" \(classification) ")
        }
        values.append(limit)
        let deprecatedPorts = dialect.jsonArray(of: "port || '@' || contract_version", from: "product_ports",
                                                where: "product_id = p.id AND direction = 'output' AND deprecated = 1")
        let sql = """
            SELECT p.id, p.name, p.domain, p.team, p.version, p.status, p.revision, p.updated_at, p.deprecated,
                \(deprecatedPorts) AS deprecated_ports
            FROM products p
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.id LIMIT ?
            """
        return try db.query(sql, values).map { row in
            ProductSummary(id: row.string("id") ?? "", name: row.string("name") ?? "", domain: row.string("domain") ?? "",
                           team: row.string("team") ?? "", version: row.string("version") ?? "", status: row.string("status") ?? "",
                           revision: row.int("revision") ?? 0, updatedAt: row.string("updated_at") ?? "",
                           deprecated: row.int("deprecated") == 1,
                           deprecatedPorts: (try? JSONParser.parse(row.string("deprecated_ports") ?? "[]"))?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }


    func productRecord(_ id: String) throws -> ProductRecord? {
        guard let row = try db.query("SELECT id, domain, team, status, revision FROM products WHERE id = ?", [id]).first else { return nil }
        return ProductRecord(
            id: id, domain: row.string("domain") ?? "", team: row.string("team") ?? "",
            status: row.string("status") ?? "", revision: row.int("revision") ?? 0)
    }

    func upsertProduct(_ product: DataProduct, domain: String, team: String, revision: Int) throws {
        try db.run(
            """
            INSERT INTO products (id, domain, team, name, version, status, description, revision, created_at, updated_at, keywords, classifications, deprecated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, team = excluded.team, name = excluded.name,
                version = excluded.version, status = excluded.status, description = excluded.description,
                revision = excluded.revision, updated_at = excluded.updated_at, keywords = excluded.keywords,
                classifications = excluded.classifications, deprecated = excluded.deprecated
            """,
            [product.id, domain, team, product.name ?? product.id, product.version?.description ?? "", product.status?.rawValue ?? product.statusText,
             product.json["description"]?["purpose"]?.stringValue ?? "", revision, now, now,
             Self.searchWords((product.json["tags"]?.arrayValue ?? []).compactMap(\.stringValue) + (product.team?.owners ?? [])),
             Self.searchWords((product.json["outputPorts"]?.arrayValue ?? []).compactMap { PolicyContext.customProperty("classification", of: $0)?.stringValue }),
             product.deprecated])
        try db.run("DELETE FROM product_ports WHERE product_id = ?", [product.id])
        let inputs: [[any SQLBindable]] = product.inputPorts.map { port in
            [product.id, "input", port.name, port.contractId, port.version, port.isExternal, port.deprecated]
        }
        let outputs: [[any SQLBindable]] = product.outputPorts.compactMap { port in
            port.contractId.map { [product.id, "output", port.name, $0, port.version, false, port.deprecated] }
        }
        try insertRows(inputs + outputs, "INSERT INTO product_ports (product_id, direction, port, contract_id, contract_version, external, deprecated)",
                       columns: 7) { $0 }
    }

    /// Words as the catalog searches them: lowercased, space-separated, a space at both ends.
    static func searchWords(_ words: [String]) -> String {
        " " + words.map { $0.lowercased() }.joined(separator: " ") + " "
    }

    /// Non-retired products, other than `excluding`, whose ports read or publish the contract version.
    func productsUsing(contract id: String, version: String, excluding: String? = nil) throws -> [String] {
        try db.query(
            """
            SELECT DISTINCT p.id FROM product_ports pp JOIN products p ON p.id = pp.product_id
            WHERE pp.contract_id = ? AND pp.contract_version = ? AND pp.external = 0 AND p.status != 'retired' AND p.id != ?
            ORDER BY p.id
            """,
            [id, version, excluding ?? ""]
        ).compactMap { $0.string("id") }
    }

    /// Refuses to retire a product that other products read or that active grants name, so nothing
    /// points at a retired product (docs/ARCHITECTURE.md, "Referential integrity").
    func requireNoDependants(ofProduct id: String) throws {
        let dependants = try consumers(ofProduct: id).map { "product:\($0)" } + activeGrants(onProduct: id)
        if !dependants.isEmpty {
            throw RegistryError(.hasDependants, "the product \(id) still has consumers or active grants; they must stop reading it (or be revoked) before it is retired",
                                dependants: dependants)
        }
    }

    /// Non-retired products whose input ports read a contract version this product publishes.
    func consumers(ofProduct id: String) throws -> [String] {
        try db.query(
            """
            SELECT DISTINCT consumer.product_id AS id FROM product_ports output
            JOIN product_ports consumer ON consumer.contract_id = output.contract_id AND consumer.contract_version = output.contract_version
            JOIN products p ON p.id = consumer.product_id
            WHERE output.product_id = ? AND output.direction = 'output' AND consumer.direction = 'input'
                AND consumer.product_id != ? AND p.status != 'retired'
            ORDER BY id
            """,
            [id, id]
        ).compactMap { $0.string("id") }
    }

    /// The document's latest revision, parsed once per content.
    func currentDocument(_ kind: Kind, _ key: String) throws -> JSONValue? {
        guard let digest = try latestRevision(kind, key)?.digest else { return nil }
        return try document(kind, key, digest: digest)
    }

    /// The document's revision with `digest`, parsed once per content.
    func document(_ kind: Kind, _ key: String, digest: String) throws -> JSONValue? {
        try documents.json.value(digest) {
            guard let text = try db.query(
                "SELECT document FROM revisions WHERE kind = ? AND key = ? AND digest = ? ORDER BY revision DESC LIMIT 1", [kind.rawValue, key, digest]
            ).first?.string("document") else { return nil }
            return try JSONParser.parse(text)
        }
    }
}

extension RegistryStore {
    func retireProduct(_ id: String, revision: Int) throws {
        try db.run("UPDATE products SET status = 'retired', revision = ?, updated_at = ? WHERE id = ?", [revision, now, id])
    }
}
