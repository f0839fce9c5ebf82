import CSQLite
import Foundation
import JSON

/// The baseline: the rows `apply` writes (revisions, contract versions, products, ports, audit
/// entries), inserted with the SQLite C API and prepared statements in one transaction, with no
/// validation or logic. Same schema, same pragmas (WAL, synchronous NORMAL, foreign keys).
struct RawInsertBaseline {
    let database: OpaquePointer

    init(path: String, schemaFrom registryPath: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw BaselineError("cannot open \(path)") }
        database = handle
        var source: OpaquePointer?
        sqlite3_open(registryPath, &source)
        var statement: OpaquePointer?
        sqlite3_prepare_v2(source, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid", -1, &statement, nil)
        var schema: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { schema.append(String(cString: sqlite3_column_text(statement, 0))) }
        sqlite3_finalize(statement)
        sqlite3_close(source)
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        try execute(schema.joined(separator: ";\n"))
        for index in 0..<20 {
            try execute("INSERT INTO domains VALUES ('domain-\(index)', NULL, 1, 'now'); INSERT INTO teams VALUES ('team-\(index)', 'domain-\(index)')")
        }
    }

    /// Inserts every row and returns the elapsed seconds.
    func insert(_ mesh: GeneratedMesh) throws -> Double {
        let revision = try prepare("INSERT INTO revisions VALUES (?, ?, 1, ?, CAST(? AS BLOB), 'application/json', ?, '2026-01-01T00:00:00.000Z', 'local-admin')")
        let contract = try prepare("INSERT INTO contract_versions VALUES (?, '1.0.0', 1, 0, 0, ?, ?, 'active', 1, 'now', 'now')")
        let product = try prepare("INSERT INTO products VALUES (?, ?, ?, ?, '1.0.0', 'active', '', 1, 'now', 'now')")
        let port = try prepare("INSERT INTO product_ports VALUES (?, ?, ?, ?, '1.0.0', 0)")
        let audit = try prepare("INSERT INTO audit_log (at, actor, action, target_kind, target, revision, domain, outcome, code, detail, previous_hash, hash) VALUES ('now', 'local-admin', ?, ?, ?, 1, ?, 'allowed', NULL, '{}', ?, ?)")
        let digest = String(repeating: "a", count: 64)
        let start = DispatchTime.now().uptimeNanoseconds
        try execute("BEGIN IMMEDIATE")
        for item in mesh.contractDocuments {
            let text = item.document.encoded()
            try run(revision, ["contract", "\(item.id)@1.0.0", text, text, digest])
            let team = item.domain.replacingOccurrences(of: "domain", with: "team")
            try run(contract, [item.id, item.domain, team])
            try run(audit, ["contract.publish", "contract", "\(item.id)@1.0.0", item.domain, digest, digest])
        }
        for item in mesh.productDocuments {
            let text = item.document.encoded()
            let team = item.domain.replacingOccurrences(of: "domain", with: "team")
            try run(revision, ["product", item.id, text, text, digest])
            try run(product, [item.id, item.domain, team, item.id])
            for (offset, input) in item.inputs.enumerated() { try run(port, [item.id, "input", "in-\(offset)", input]) }
            try run(port, [item.id, "output", "events", item.id.replacingOccurrences(of: "product", with: "contract")])
            try run(audit, ["product.register", "product", item.id, item.domain, digest, digest])
        }
        try execute("COMMIT")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        for statement in [revision, contract, product, port, audit] { sqlite3_finalize(statement) }
        sqlite3_close(database)
        return seconds
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw BaselineError(String(cString: sqlite3_errmsg(database))) }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BaselineError(String(cString: sqlite3_errmsg(database)))
        }
        return statement
    }

    private func run(_ statement: OpaquePointer, _ values: [String]) throws {
        for (index, value) in values.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), value, -1, meshreg_sqlite_transient())
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BaselineError(String(cString: sqlite3_errmsg(database))) }
        sqlite3_reset(statement)
    }
}

struct BaselineError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
