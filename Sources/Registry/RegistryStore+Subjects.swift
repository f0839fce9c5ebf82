import JSON
import SQL

/// One row of `subject_versions`, without the schema.
struct SubjectVersionRecord {
    var version: Int
    var schemaID: Int
    var isDeleted: Bool
}

/// The schema-registry tables (migration 0003-subjects). The global compatibility level and mode
/// are stored under the empty subject name, which no route can name.
extension RegistryStore {
    static let globalSubject = ""

    func schema(id: Int) throws -> RegisteredSchema? {
        guard var schema = try db.query("SELECT id, schema_type, schema, metadata, rule_set FROM subject_schemas WHERE id = ?", [id]).first
            .flatMap(Self.registeredSchema)
        else { return nil }
        schema.references = try schemaReferences(id)
        return schema
    }

    /// The id of a stored schema with the same type and whole identity (schema, references,
    /// metadata, rule set); with `normalized`, the same normal form instead of the schema's identity.
    func schemaID(_ schema: SubjectSchema, normalized: Bool) throws -> Int? {
        guard normalized else {
            return try db.query("SELECT id FROM subject_schemas WHERE schema_type = ? AND identity = ? ORDER BY id LIMIT 1",
                                [schema.type.confluentName, schema.identity]).first?.int("id")
        }
        return try db.query("""
            SELECT id FROM subject_schemas WHERE schema_type = ? AND canonical = ? AND coalesce(metadata, '') = ? AND coalesce(rule_set, '') = ?
            ORDER BY id LIMIT 1
            """, [schema.type.confluentName, schema.canonical, Self.storedText(schema.metadata?.json), Self.storedText(schema.ruleSet?.json)])
            .first?.int("id")
    }

    /// The ids of stored schemas with this schema's text and references (or normal form), whatever
    /// their metadata and rule set: what a lookup without metadata or rule set matches.
    func schemaIDs(matching schema: SubjectSchema, normalized: Bool) throws -> Set<Int> {
        let column = normalized ? "canonical" : "schema_identity"
        return Set(try db.query("SELECT id FROM subject_schemas WHERE schema_type = ? AND \(column) = ?",
                                [schema.type.confluentName, normalized ? schema.canonical : schema.schemaIdentity]).compactMap { $0.int("id") })
    }

    func insertSchema(_ schema: SubjectSchema) throws -> Int {
        let id = try db.query("""
            INSERT INTO subject_schemas (schema_type, identity, schema_identity, canonical, schema, metadata, rule_set, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [schema.type.confluentName, schema.identity, schema.schemaIdentity, schema.canonical, schema.text,
                  schema.metadata.map { Self.storedText($0.json) }, schema.ruleSet.map { Self.storedText($0.json) }, now]).first?.int("id")
        guard let id else { preconditionFailure("INSERT … RETURNING returns the row it inserted") }
        try insertSchemaReferences(id, schema.references)
        return id
    }

    /// A subject's versions, oldest first; soft-deleted ones only when asked.
    func subjectVersions(_ subject: String, includeDeleted: Bool) throws -> [SubjectVersionRecord] {
        try db.query("SELECT version, schema_id, deleted FROM subject_versions WHERE subject = ? \(includeDeleted ? "" : "AND deleted = 0") ORDER BY version",
                     [subject]).map { row in
            SubjectVersionRecord(version: row.int("version") ?? 0, schemaID: row.int("schema_id") ?? 0, isDeleted: row.bool("deleted"))
        }
    }

    func insertSubjectVersion(_ subject: String, version: Int, schemaID: Int) throws {
        try db.run("INSERT INTO subject_versions (subject, version, schema_id, deleted, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
                   [subject, version, schemaID, now, now])
    }

    /// The next version number: one past the highest stored, soft-deleted or not.
    func nextSubjectVersion(_ subject: String) throws -> Int {
        (try db.query("SELECT max(version) AS latest FROM subject_versions WHERE subject = ?", [subject]).first?.int("latest") ?? 0) + 1
    }

    func softDeleteSubjectVersions(_ subject: String, version: Int?) throws {
        if let version {
            try db.run("UPDATE subject_versions SET deleted = 1, updated_at = ? WHERE subject = ? AND version = ?", [now, subject, version])
        } else {
            try db.run("UPDATE subject_versions SET deleted = 1, updated_at = ? WHERE subject = ? AND deleted = 0", [now, subject])
        }
    }

    func removeSubjectVersions(_ subject: String, version: Int?) throws {
        if let version {
            try db.run("DELETE FROM subject_versions WHERE subject = ? AND version = ?", [subject, version])
        } else {
            try db.run("DELETE FROM subject_versions WHERE subject = ?", [subject])
        }
    }

    func subjectNames(includeDeleted: Bool, prefix: String) throws -> [String] {
        try db.query(
            "SELECT DISTINCT subject FROM subject_versions WHERE substr(subject, 1, ?) = ? \(includeDeleted ? "" : "AND deleted = 0") ORDER BY subject",
            [prefix.count, prefix]).compactMap { $0.string("subject") }
    }

    /// Where a schema is used: `(subject, version)` pairs ordered by subject and version.
    func schemaUsages(_ id: Int, includeDeleted: Bool) throws -> [(subject: String, version: Int)] {
        try db.query("SELECT subject, version FROM subject_versions WHERE schema_id = ? \(includeDeleted ? "" : "AND deleted = 0") ORDER BY subject, version",
                     [id]).map { row in (row.string("subject") ?? "", row.int("version") ?? 0) }
    }

    func subjectSetting(_ table: SubjectSettingTable, _ subject: String) throws -> String? {
        try db.query("SELECT value FROM \(table.rawValue) WHERE subject = ?", [subject]).first?.string("value")
    }

    func setSubjectSetting(_ table: SubjectSettingTable, _ subject: String, value: String) throws {
        try db.run("""
            INSERT INTO \(table.rawValue) (subject, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (subject) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, [subject, value, now])
    }

    func removeSubjectSetting(_ table: SubjectSettingTable, _ subject: String) throws {
        try db.run("DELETE FROM \(table.rawValue) WHERE subject = ?", [subject])
    }

    private static func registeredSchema(_ row: Row) -> RegisteredSchema? {
        guard let id = row.int("id"), let typeName = row.string("schema_type"), let type = SchemaType(name: typeName),
            let schema = row.string("schema")
        else { return nil }
        return RegisteredSchema(id: id, schemaType: type, schema: schema, references: [],
                                metadata: row.string("metadata").flatMap(SchemaMetadata.init(stored:)),
                                ruleSet: row.string("rule_set").flatMap(SchemaRuleSet.init(stored:)))
    }

    /// Metadata or a rule set as stored: compact JSON with sorted keys; '' for none.
    static func storedText(_ json: JSONValue?) -> String {
        json?.encoded(.sortedKeys) ?? ""
    }
}

/// The two per-subject settings tables, both `(subject, value, updated_at)`.
enum SubjectSettingTable: String {
    case compatibility = "subject_configs"
    case mode = "subject_modes"
}

extension SchemaType {
    /// The name Confluent's API uses: `AVRO`, `JSON`.
    public var confluentName: String { rawValue.uppercased() }
}
