import SQL

/// What `Registry.copyStore` copied: each table's row count (equal in both databases), and the
/// length of the audit chain, verified on the target.
public struct StoreCopyReport: Sendable, Hashable {
    public var tables: [String: Int]
    public var auditEntries: Int
}

extension Registry {
    /// Copies a whole registry from `source` into an empty `target`, of either engine, keys and
    /// audit chain included, in one write transaction on the target; then checks that every table
    /// holds as many rows as the source's and that the target's audit chain verifies.
    /// The source is read in one snapshot, so writes going on there are either all in or all out.
    public static func copyStore(from source: DatabaseLocation, to target: DatabaseLocation) throws(RegistryError) -> StoreCopyReport {
        guard source != target else { throw RegistryError(.conflict, "--from and --to name the same database; name another target") }
        let from = try RegistryDatabase.open(source, connections: 2, afterCommit: {}, afterCommitElsewhere: nil)
        let to = try RegistryDatabase.open(target, connections: 2, afterCommit: {}, afterCommitElsewhere: nil)
        var counts: [String: Int] = [:]
        do {
            let documents = DocumentCache()
            let snapshot = try from.read { db in
                let store = RegistryStore(db: db, now: "", documents: documents)
                return try RegistryStore.copiedTables.map { table in (table, try store.allRows(of: table.name, orderedBy: table.key)) }
            }
            try to.write { db in
                let store = RegistryStore(db: db, now: "", documents: documents)
                let occupied = try store.tablesWithRows()
                guard occupied.isEmpty else {
                    throw RegistryError(.conflict, "\(target) already holds a registry (rows in \(occupied.prefix(3).joined(separator: ", "))); copy into a new, empty database")
                }
                for (table, rows) in snapshot {
                    try store.insert(rows, into: table.name)
                    if table.isGenerated { try store.restartGeneratedKey(of: table.name, table.key) }
                }
            }
            for (table, rows) in snapshot {
                let copied = try to.read(singleStatement: true) { db in try RegistryStore(db: db, now: "", documents: documents).count(table.name) }
                guard copied == rows.count else {
                    throw RegistryError(.storageFailure, "\(table.name) holds \(copied) rows in \(target) but \(rows.count) in \(source)")
                }
                counts[table.name] = copied
            }
        } catch {
            throw registryError(error)
        }
        let verification = try Registry(location: target).verifyAuditLog()
        if let broken = verification.firstBroken {
            throw RegistryError(.storageFailure, "the copied audit chain breaks at entry \(broken.sequence): \(broken.reason)")
        }
        return StoreCopyReport(tables: counts, auditEntries: verification.entries)
    }
}
