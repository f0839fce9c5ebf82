import JSON
import MeshModel
import SQL

/// All the registry's SQL, over one connection inside one transaction. Bound parameters only.
struct RegistryStore {
    let db: any SQLConnection
    /// The time stamped on every row this transaction writes.
    let now: String
    /// Parsed documents, shared with every other transaction of the registry.
    let documents: DocumentCache

    typealias Kind = WriteResult.Kind

    /// The most rows one multi-row INSERT takes; more go in further statements. Far below
    /// SQLite's and PostgreSQL's parameter limits, and few enough statement texts to keep prepared.
    static let rowsPerInsert = 64

    /// `count` placeholders, `?, ?, ?`, for an `IN (…)` list or one row of VALUES.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// `rows` placeholder tuples of `columns` each, `(?, ?), (?, ?)`, for a multi-row VALUES: one
    /// statement, so one round trip, for many rows (docs/ARCHITECTURE.md, "PostgreSQL").
    static func placeholderRows(_ rows: Int, columns: Int) -> String {
        Array(repeating: "(" + placeholders(columns) + ")", count: rows).joined(separator: ", ")
    }

    /// Inserts a row of `columns` values per element, `rowsPerInsert` rows a statement:
    /// `insert` is the statement before `VALUES` (`INSERT INTO t (a, b)`) and `clauses` what
    /// follows the rows (`ON CONFLICT …`, `RETURNING …`). Returns the rows the statements return.
    @discardableResult
    func insertRows<Element>(_ elements: [Element], _ insert: String, columns: Int, then clauses: String = "",
                             values: (Element) -> [any SQLBindable]) throws -> [Row] {
        var returned: [Row] = []
        for start in stride(from: 0, to: elements.count, by: Self.rowsPerInsert) {
            let chunk = elements[start..<min(start + Self.rowsPerInsert, elements.count)]
            returned += try db.query("\(insert) VALUES \(Self.placeholderRows(chunk.count, columns: columns)) \(clauses)", chunk.flatMap(values))
        }
        return returned
    }

    /// The latest stored revision of a document: its number and digest, for no-op detection.
    func latestRevision(_ kind: Kind, _ key: String) throws -> (revision: Int, digest: String)? {
        let rows = try db.query(
            "SELECT revision, digest FROM revisions WHERE kind = ? AND key = ? ORDER BY revision DESC LIMIT 1",
            [kind.rawValue, key])
        guard let row = rows.first, let revision = row.int("revision"), let digest = row.string("digest") else { return nil }
        return (revision, digest)
    }

    /// Every stored revision of a document, oldest first.
    func revisions(_ kind: Kind, _ key: String) throws -> [StoredDocument] {
        try db.query("SELECT * FROM revisions WHERE kind = ? AND key = ? ORDER BY revision", [kind.rawValue, key])
            .map { StoredDocument(kind: kind, row: $0) }
    }

    /// How many rows `table` holds (a name from the schema, never input).
    func count(_ table: String) throws -> Int {
        try db.query("SELECT count(*) AS n FROM \(table)").first?.int("n") ?? 0
    }

    /// The latest revision of a document as stored, without its original bytes; nil when there is none.
    func currentRevision(_ kind: Kind, _ key: String) throws -> StoredDocument? {
        try db.query(
            """
            SELECT key, revision, document, digest, media_type, registered_at, registered_by FROM revisions
            WHERE kind = ? AND key = ? ORDER BY revision DESC LIMIT 1
            """,
            [kind.rawValue, key]
        ).first.map { StoredDocument(kind: kind, row: $0) }
    }

    /// Stores a new immutable revision (number 1 for a new document) and returns it; the number
    /// is taken in the same statement.
    func insertRevision(_ kind: Kind, _ key: String, document: EncodedDocument, original: [UInt8], mediaType: String,
                        actor: Principal) throws -> StoredDocument {
        let revision = try db.query(
            """
            INSERT INTO revisions (kind, key, revision, document, original, media_type, digest, registered_at, registered_by)
            VALUES (?, ?, (SELECT coalesce(max(revision), 0) + 1 FROM revisions WHERE kind = ? AND key = ?), ?, ?, ?, ?, ?, ?)
            RETURNING revision
            """,
            [kind.rawValue, key, kind.rawValue, key, document.text, original, mediaType, document.digest, now, actor.description]
        ).first?.int("revision")
        guard let revision else { preconditionFailure("INSERT … RETURNING returns the row it inserted") }
        documents.json.remember(document.json, digest: document.digest)
        return StoredDocument(kind: kind, key: key, revision: revision, documentText: document.text, digest: document.digest,
                              mediaType: mediaType, registeredAt: now, registeredBy: actor.description)
    }

    /// Appends the audit entry of a change or refusal and, in the same transaction, its change
    /// event; `eventAction` names the event when it says more than `action` (a status change), and
    /// `known` hands the event what the use case has read already.
    func audit(_ action: String, _ kind: Kind, _ target: String, revision: Int?, domain: String?, actor: Principal,
               outcome: AuditEntry.Outcome = .allowed, code: String? = nil, detail: JSONValue = [:], known: EventFacts? = nil,
               eventAction: String? = nil) throws {
        let entry = AuditEntry(
            at: now, actor: actor.description, action: action, targetKind: kind.rawValue, target: target,
            revision: revision, domain: domain, outcome: outcome, code: code, detail: detail)
        try appendAudit(entry)
        try appendEvent(for: entry, eventAction: eventAction, known: known)
    }
}

// MARK: Domains and teams

extension RegistryStore {
    func domainExists(_ name: String) throws -> Bool {
        try !db.query("SELECT 1 FROM domains WHERE name = ?", [name]).isEmpty
    }

    /// The domain that owns `team`, or nil for an unknown team.
    func domain(ofTeam team: String) throws -> String? {
        try db.query("SELECT domain FROM teams WHERE name = ?", [team]).first?.string("domain")
    }

    /// Every domain, by name.
    func domains() throws -> [(name: String, description: String?)] {
        try db.query("SELECT name, description FROM domains ORDER BY name").map { (name: $0.string("name") ?? "", description: $0.string("description")) }
    }

    /// The teams `username` belongs to and the role in each, by team.
    func memberships(of username: String) throws -> [(team: String, role: String)] {
        try db.query("SELECT team, role FROM team_members WHERE username = ? ORDER BY team", [username])
            .map { (team: $0.string("team") ?? "", role: $0.string("role") ?? "") }
    }

    /// The members of `team` and their roles, by username.
    func members(ofTeam team: String) throws -> [(username: String, role: String)] {
        try db.query("SELECT username, role FROM team_members WHERE team = ? ORDER BY username", [team])
            .map { (username: $0.string("username") ?? "", role: $0.string("role") ?? "") }
    }

    func teams(ofDomain domain: String) throws -> [String] {
        try db.query("SELECT name FROM teams WHERE domain = ? ORDER BY name", [domain]).compactMap { $0.string("name") }
    }

    /// The member's role in `team`, or nil when `username` is not a member.
    func role(of username: String, in team: String) throws -> String? {
        try db.query("SELECT role FROM team_members WHERE team = ? AND username = ?", [team, username]).first?.string("role")
    }

    func upsertDomain(_ domain: DomainDocument, revision: Int) throws {
        try db.run(
            """
            INSERT INTO domains (name, description, revision, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET description = excluded.description, revision = excluded.revision, updated_at = excluded.updated_at
            """,
            [domain.name, domain.description, revision, now])
    }

    /// Makes the domain's teams and members exactly those of the document.
    func replaceTeams(of domain: DomainDocument) throws {
        let kept = Set(domain.teams.map(\.name))
        for existing in try teams(ofDomain: domain.name) where !kept.contains(existing) {
            try db.run("DELETE FROM teams WHERE name = ?", [existing])
        }
        for team in domain.teams {
            try db.run("INSERT INTO teams (name, domain) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", [team.name, domain.name])
            try db.run("DELETE FROM team_members WHERE team = ?", [team.name])
            for member in team.members {
                try db.run("INSERT INTO team_members (team, username, role) VALUES (?, ?, ?)", [team.name, member.username, member.role])
            }
        }
    }

    /// Products and contract versions owned by `team`, as `kind:id` strings.
    func assets(ownedBy team: String) throws -> [String] {
        let products = try db.query("SELECT id FROM products WHERE team = ? ORDER BY id", [team]).compactMap { $0.string("id") }
        let contracts = try db.query("SELECT contract_id, version FROM contract_versions WHERE team = ? ORDER BY contract_id, major, minor, patch", [team])
            .compactMap { row in row.string("contract_id").map { "contract:\($0)@\(row.string("version") ?? "")" } }
        return products.map { "product:\($0)" } + contracts
    }
}
