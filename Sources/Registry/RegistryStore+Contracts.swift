import JSON
import MeshModel

/// The indexed columns of a stored contract version.
struct ContractRecord: Sendable, Hashable {
    var id: String
    var version: String
    var domain: String
    var team: String
    var status: String
    var revision: Int
}

extension RegistryStore {
    /// The team owning any version of the contract `id`.
    func contractTeam(_ id: String) throws -> String? {
        try db.query("SELECT team FROM contract_versions WHERE contract_id = ? ORDER BY major DESC, minor DESC, patch DESC LIMIT 1", [id])
            .first?.string("team")
    }

    /// The published versions of a contract, in SemVer order, with their status.
    func contractVersions(_ id: String) throws -> [(version: String, status: String)] {
        try db.query("SELECT version, status FROM contract_versions WHERE contract_id = ? ORDER BY major, minor, patch, version", [id])
            .map { (version: $0.string("version") ?? "", status: $0.string("status") ?? "") }
    }


    static func contractKey(_ id: String, _ version: String) -> String { "\(id)@\(version)" }

    func contractRecord(_ id: String, _ version: String) throws -> ContractRecord? {
        guard let row = try db.query(
            "SELECT domain, team, status, revision FROM contract_versions WHERE contract_id = ? AND version = ?", [id, version]
        ).first else { return nil }
        return ContractRecord(
            id: id, version: version, domain: row.string("domain") ?? "", team: row.string("team") ?? "",
            status: row.string("status") ?? "", revision: row.int("revision") ?? 0)
    }

    func upsertContract(_ contract: DataContract, version: SemanticVersion, domain: String, team: String, revision: Int) throws {
        try db.run(
            """
            INSERT INTO contract_versions (contract_id, version, major, minor, patch, domain, team, status, revision, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contract_id, version) DO UPDATE SET domain = excluded.domain, team = excluded.team,
                status = excluded.status, revision = excluded.revision, updated_at = excluded.updated_at
            """,
            [contract.id, version.description, version.major, version.minor, version.patch, domain, team,
             contract.status?.rawValue ?? contract.statusText, revision, now, now])
    }
}

extension RegistryStore {
    /// The versions of a contract's major line below `version`, not retired, oldest first.
    func contractLine(_ id: String, major: Int, below version: SemanticVersion) throws -> [(version: SemanticVersion, document: JSONValue)] {
        let rows = try db.query(
            "SELECT version FROM contract_versions WHERE contract_id = ? AND major = ? AND status != 'retired' ORDER BY minor, patch",
            [id, major])
        var line: [(version: SemanticVersion, document: JSONValue)] = []
        for row in rows {
            guard let text = row.string("version"), let earlier = SemanticVersion(text), earlier < version,
                let document = try currentDocument(.contract, Self.contractKey(id, text))
            else { continue }
            line.append((earlier, document))
        }
        return line.sorted { $0.version < $1.version }
    }

    /// The highest version of a contract below `version`, in any major line, with its document.
    func previousContractVersion(_ id: String, below version: SemanticVersion) throws -> (version: SemanticVersion, document: JSONValue)? {
        let rows = try db.query("SELECT version FROM contract_versions WHERE contract_id = ?", [id])
        let earlier = rows.compactMap { $0.string("version").flatMap(SemanticVersion.init) }.filter { $0 < version }.max()
        guard let earlier, let document = try currentDocument(.contract, Self.contractKey(id, earlier.description)) else { return nil }
        return (earlier, document)
    }

    func retireContract(_ id: String, _ version: String, revision: Int) throws {
        try db.run("UPDATE contract_versions SET status = 'retired', revision = ?, updated_at = ? WHERE contract_id = ? AND version = ?",
                   [revision, now, id, version])
    }
}
