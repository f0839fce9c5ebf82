import SQL

// MARK: Whole-registry copies between databases (`meshreg store copy`)

extension RegistryStore {
    /// Every table of the registry, parents before children, with the column that orders its
    /// rows and whether the database generates that key; `schema_migrations` belongs to the migrator.
    static let copiedTables: [(name: String, key: String, isGenerated: Bool)] = [
        ("registry_meta", "name", false), ("revisions", "kind, key, revision", false), ("domains", "name", false),
        ("teams", "name", false), ("team_members", "team, username", false), ("products", "id", false),
        ("product_ports", "product_id, direction, port", false), ("contract_versions", "contract_id, version", false),
        ("audit_log", "sequence", true), ("audit_policies", "sequence, policy", false), ("tokens", "id", false),
        ("subject_schemas", "id", true), ("subject_schema_references", "schema_id, position", false),
        ("subject_versions", "subject, version", false), ("subject_configs", "subject", false), ("subject_contract_configs", "subject", false),
        ("subject_modes", "subject", false), ("access_requests", "id", false), ("lineage_nodes", "id", false),
        ("lineage_edges", "from_id, kind, to_id, source", false), ("lineage_changes", "sequence", true),
        ("lineage_events", "key", false), ("lineage_runs", "run_id", false), ("events", "sequence", true),
        ("webhooks", "id", false), ("webhook_deliveries", "webhook_id, sequence", false), ("ui_sessions", "hash", false),
    ]

    /// The tables that hold rows, besides the registry's own metadata that migrating writes.
    func tablesWithRows() throws -> [String] {
        try Self.copiedTables.filter { $0.name != "registry_meta" }.map(\.name).filter { try count($0) > 0 }
    }

    /// Every row of `table` in key order.
    func allRows(of table: String, orderedBy key: String) throws -> [Row] {
        try db.query("SELECT * FROM \(table) ORDER BY \(key)")
    }

    /// Inserts `rows` as they are, keys included; `registry_meta` rows replace the target's own.
    func insert(_ rows: [Row], into table: String) throws {
        if table == "registry_meta" { try db.run("DELETE FROM registry_meta") }
        for row in rows {
            try db.run("INSERT INTO \(table) (\(row.columns.joined(separator: ", "))) VALUES (\(Self.placeholders(row.columns.count)))", row.values)
        }
    }

    /// After keys were inserted explicitly: new rows get keys past them.
    func restartGeneratedKey(of table: String, _ column: String) throws {
        if let statement = db.dialect.restartGeneratedKey(table, column) { try db.query(statement) }
    }
}
