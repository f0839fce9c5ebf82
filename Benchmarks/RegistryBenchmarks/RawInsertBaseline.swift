import CSQLite
import Foundation
import JSON

/// The baseline: every row `apply` writes for each contract and product — its revision, its
/// contract version or product and ports, its lineage nodes, edges and change-log entry, its audit
/// entry and its change event — inserted with the SQLite C API, prepared statements and one transaction, in the
/// registry's order, with no validation or logic. Every value (documents, change bodies, audit
/// details) is encoded before the timer starts. It starts from a copy of the registry's database
/// taken after the domains were applied, so schema, pragmas and the rows already there are the
/// registry's; `RowCounts` then checks that both databases hold as many rows in every table.
struct RawInsertBaseline {
    private let database: OpaquePointer
    private let operations: [(statement: Int, values: [String?])]

    /// The statements, indexed by `operations`; the integers are the registry's for a first revision.
    private static let sql = [
        "INSERT INTO revisions (kind, key, revision, document, original, media_type, digest, registered_at, registered_by) VALUES (?, ?, 1, ?, CAST(? AS BLOB), 'application/json', ?, ?, 'local-admin')",
        "INSERT INTO contract_versions (contract_id, version, major, minor, patch, domain, team, status, revision, created_at, updated_at) VALUES (?, '1.0.0', 1, 0, 0, ?, ?, 'active', 1, ?, ?)",
        "INSERT INTO products (id, domain, team, name, version, status, description, revision, created_at, updated_at) VALUES (?, ?, ?, ?, '1.0.0', 'active', ?, 1, ?, ?)",
        "INSERT INTO product_ports (product_id, direction, port, contract_id, contract_version, external) VALUES (?, ?, ?, ?, '1.0.0', 0)",
        "INSERT INTO lineage_nodes (id, label, team) VALUES (?, ?, ?)",
        "INSERT INTO lineage_edges (from_id, kind, to_id, source) VALUES (?, ?, ?, ?)",
        "INSERT INTO lineage_changes (source, body, at) VALUES (?, ?, ?)",
        "INSERT INTO audit_log (at, actor, action, target_kind, target, revision, domain, outcome, code, detail, previous_hash, hash) VALUES (?, 'local-admin', ?, ?, ?, 1, ?, 'allowed', NULL, ?, ?, ?)",
        "INSERT INTO events (type, subject, domain, team, at, data) VALUES (?, ?, ?, ?, ?, ?)",
    ]
    private enum Table: Int { case revision, contract, product, port, node, edge, change, audit, event }

    /// Copies the registry's database at `registryPath` to `path`; call it before the timed apply.
    static func copy(_ registryPath: String, to path: String) throws {
        var source: OpaquePointer?
        defer { sqlite3_close(source) }
        guard sqlite3_open_v2(registryPath, &source, SQLITE_OPEN_READONLY, nil) == SQLITE_OK,
            sqlite3_exec(source, "VACUUM INTO '\(path.replacingOccurrences(of: "'", with: "''"))'", nil, nil, nil) == SQLITE_OK
        else { throw BaselineError("cannot copy \(registryPath): \(String(cString: sqlite3_errmsg(source)))") }
    }

    /// Opens the copy with the registry writer's settings and encodes every row of `mesh`.
    init(path: String, mesh: GeneratedMesh) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw BaselineError("cannot open \(path)") }
        database = handle
        try Self.execute(handle, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -32768
            """)
        operations = Self.operations(mesh)
    }

    /// Inserts every row in one transaction and returns the elapsed seconds.
    func insert() throws -> Double {
        let prepared = try Self.sql.map(prepare)
        defer {
            for statement in prepared { sqlite3_finalize(statement) }
            sqlite3_close(database)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        try Self.execute(database, "BEGIN IMMEDIATE")
        for operation in operations { try run(prepared[operation.statement], operation.values) }
        try Self.execute(database, "COMMIT")
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private static let at = "2026-01-01T00:00:00.000Z"
    private static let digest = String(repeating: "a", count: 64)

    /// Every row of `mesh`'s contracts, then of its products, in the order the registry writes them
    /// (each kind sorted by id).
    private static func operations(_ mesh: GeneratedMesh) -> [(statement: Int, values: [String?])] {
        var operations: [(statement: Int, values: [String?])] = []
        func add(_ table: Table, _ values: [String?]) { operations.append((table.rawValue, values)) }
        func decision(_ event: String) -> String {
            JSONValue.object(["decision": ["event": .string(event), "policySetVersion": .string(digest), "outcome": "allowed",
                                           "violations": [], "policies": []]]).encoded()
        }
        func change(nodes: [[String?]], added: [[String]]) -> String {
            JSONValue.object(["nodes": .array(nodes.map { .array($0.map { $0.map(JSONValue.string) ?? .null }) }),
                              "added": .array(added.map { .array($0.map(JSONValue.string)) }), "removed": []]).encoded()
        }
        func team(_ domain: String) -> String { domain.replacingOccurrences(of: "domain", with: "team") }
        func event(_ kind: String, _ action: String, _ key: String, _ domain: String, extra: JSONObject = [:]) -> String {
            var data: JSONObject = ["id": .string(key), "kind": .string(kind), "action": .string(action), "actor": "local-admin", "revision": 1,
                                    "domain": .string(domain), "team": .string(team(domain))]
            for (name, value) in extra { data[name] = value }
            return JSONValue.object(data).encoded()
        }
        for item in mesh.contractDocuments.sorted(by: { $0.id < $1.id }) {
            let text = item.document.encoded()
            let key = "\(item.id)@1.0.0"
            let node = "contract:\(key)"
            let label = item.document["name"]?.stringValue
            add(.revision, ["contract", key, text, text, digest, at])
            add(.contract, [item.id, item.domain, team(item.domain), at, at])
            add(.node, [node, label, team(item.domain)])
            add(.change, [node, change(nodes: [[node, label, team(item.domain)]], added: []), at])
            add(.audit, [at, "contract.publish", "contract", key, item.domain, decision("contract.publish"), digest, digest])
            add(.event, ["contract.published", key, item.domain, team(item.domain), at,
                         event("contract", "contract.publish", key, item.domain, extra: ["contractId": .string(item.id), "version": "1.0.0"])])
        }
        for item in mesh.productDocuments.sorted(by: { $0.id < $1.id }) {
            let text = item.document.encoded()
            let source = "product:\(item.id)"
            let port = "port:\(item.id)/events@1.0.0"
            let output = "contract:\(item.id.replacingOccurrences(of: "product", with: "contract"))@1.0.0"
            let label = item.document["name"]?.stringValue
            add(.revision, ["product", item.id, text, text, digest, at])
            add(.product, [item.id, item.domain, team(item.domain), label, item.document["description"]?["purpose"]?.stringValue, at, at])
            for (offset, input) in item.inputs.enumerated() { add(.port, [item.id, "input", "in-\(offset)", input]) }
            add(.port, [item.id, "output", "events", item.id.replacingOccurrences(of: "product", with: "contract")])
            let nodes: [[String?]] = [[source, label, team(item.domain)], [port, nil, team(item.domain)]]
            for node in nodes { add(.node, node) }
            var reads: [String] = []
            for input in item.inputs where !reads.contains("contract:\(input)@1.0.0") { reads.append("contract:\(input)@1.0.0") }
            let edges = reads.map { [$0, "readBy", source] } + [[source, "publishes", port], [port, "conformsTo", output]]
            for edge in edges { add(.edge, edge + [source]) }
            add(.change, [source, change(nodes: nodes, added: edges), at])
            add(.audit, [at, "product.register", "product", item.id, item.domain, decision("product.register"), digest, digest])
            add(.event, ["product.registered", item.id, item.domain, team(item.domain), at, event("product", "product.register", item.id, item.domain)])
        }
        return operations
    }

    /// The number of rows in each table of the database at `path`.
    static func rowCounts(_ path: String) throws -> [String: Int] {
        var database: OpaquePointer?
        defer { sqlite3_close(database) }
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let database else { throw BaselineError("cannot open \(path)") }
        var tables: [String] = []
        var statement: OpaquePointer?
        sqlite3_prepare_v2(database, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &statement, nil)
        while sqlite3_step(statement) == SQLITE_ROW { tables.append(String(cString: sqlite3_column_text(statement, 0))) }
        sqlite3_finalize(statement)
        var counts: [String: Int] = [:]
        for table in tables {
            sqlite3_prepare_v2(database, "SELECT count(*) FROM \"\(table)\"", -1, &statement, nil)
            guard sqlite3_step(statement) == SQLITE_ROW else { throw BaselineError(String(cString: sqlite3_errmsg(database))) }
            counts[table] = Int(sqlite3_column_int64(statement, 0))
            sqlite3_finalize(statement)
        }
        return counts
    }

    private static func execute(_ database: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw BaselineError(String(cString: sqlite3_errmsg(database))) }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BaselineError(String(cString: sqlite3_errmsg(database)))
        }
        return statement
    }

    private func run(_ statement: OpaquePointer, _ values: [String?]) throws {
        for (index, value) in values.enumerated() {
            if let value {
                sqlite3_bind_text(statement, Int32(index + 1), value, -1, meshreg_sqlite_transient())
            } else {
                sqlite3_bind_null(statement, Int32(index + 1))
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BaselineError(String(cString: sqlite3_errmsg(database))) }
        sqlite3_reset(statement)
    }
}

struct BaselineError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
