import JSON
import SQL

/// Schema references and data-contract settings (migration 0012-schema-references-and-rules).
/// References belong to a schema id, since they are part of its identity; a subject version
/// refers to them through its schema.
extension RegistryStore {
    func insertSchemaReferences(_ schemaID: Int, _ references: [SchemaReference]) throws {
        for (position, reference) in references.enumerated() {
            try db.run("INSERT INTO subject_schema_references (schema_id, position, name, subject, version) VALUES (?, ?, ?, ?, ?)",
                       [schemaID, position, reference.name, reference.subject, reference.version])
        }
    }

    func schemaReferences(_ schemaID: Int) throws -> [SchemaReference] {
        try db.query("SELECT name, subject, version FROM subject_schema_references WHERE schema_id = ? ORDER BY position", [schemaID]).map { row in
            SchemaReference(name: row.string("name") ?? "", subject: row.string("subject") ?? "", version: row.int("version") ?? 0)
        }
    }

    /// The ids of schemas that reference `subject` at `version` and that some subject version
    /// (a live one, unless `includeDeleted`) still uses, ascending.
    func referrers(_ subject: String, version: Int, includeDeleted: Bool) throws -> [Int] {
        try db.query("""
            SELECT DISTINCT r.schema_id FROM subject_schema_references r
            JOIN subject_versions v ON v.schema_id = r.schema_id \(includeDeleted ? "" : "AND v.deleted = 0")
            WHERE r.subject = ? AND r.version = ?
            ORDER BY r.schema_id
            """, [subject, version]).compactMap { $0.int("schema_id") }
    }

    func dataContractDefaults(_ subject: String) throws -> DataContractDefaults {
        guard let row = try db.query("""
            SELECT default_metadata, override_metadata, default_rule_set, override_rule_set FROM subject_contract_configs WHERE subject = ?
            """, [subject]).first
        else { return DataContractDefaults() }
        return DataContractDefaults(
            defaultMetadata: row.string("default_metadata").flatMap(SchemaMetadata.init(stored:)),
            overrideMetadata: row.string("override_metadata").flatMap(SchemaMetadata.init(stored:)),
            defaultRuleSet: row.string("default_rule_set").flatMap(SchemaRuleSet.init(stored:)),
            overrideRuleSet: row.string("override_rule_set").flatMap(SchemaRuleSet.init(stored:)))
    }

    /// Stores a subject's settings; all of them empty removes the row.
    func setDataContractDefaults(_ subject: String, _ defaults: DataContractDefaults) throws {
        guard !defaults.isEmpty else {
            try removeDataContractDefaults(subject)
            return
        }
        let texts: [String?] = [defaults.defaultMetadata?.json, defaults.overrideMetadata?.json, defaults.defaultRuleSet?.json,
                                defaults.overrideRuleSet?.json].map { $0.map(Self.storedText) }
        try db.run("""
            INSERT INTO subject_contract_configs (subject, default_metadata, override_metadata, default_rule_set, override_rule_set, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (subject) DO UPDATE SET default_metadata = excluded.default_metadata, override_metadata = excluded.override_metadata,
                default_rule_set = excluded.default_rule_set, override_rule_set = excluded.override_rule_set, updated_at = excluded.updated_at
            """, [subject, texts[0], texts[1], texts[2], texts[3], now])
    }

    func removeDataContractDefaults(_ subject: String) throws {
        try db.run("DELETE FROM subject_contract_configs WHERE subject = ?", [subject])
    }
}
