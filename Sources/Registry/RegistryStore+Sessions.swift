
/// Web UI sessions' SQL (docs/ARCHITECTURE.md, "Web UI").
extension RegistryStore {
    /// The id of the valid token whose SHA-256 is `tokenHash`, or nil.
    func validTokenID(hash tokenHash: String) throws -> String? {
        try db.query("SELECT id FROM tokens WHERE hash = ? AND revoked_at IS NULL", [tokenHash]).first?.string("id")
    }

    func insertSession(hash: String, tokenID: String, expiresAt: String) throws {
        try db.run("INSERT INTO ui_sessions (hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [hash, tokenID, now, expiresAt])
    }

    /// The principal of an unexpired session whose token is not revoked.
    func sessionPrincipal(hash: String) throws -> Principal? {
        try db.query(
            """
            SELECT t.username, t.team, t.is_admin FROM ui_sessions s JOIN tokens t ON t.id = s.token_id
            WHERE s.hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL
            """, [hash, now]
        ).first.map { row in Principal(username: row.string("username"), team: row.string("team"), isAdmin: row.bool("is_admin")) }
    }

    func deleteSession(hash: String) throws {
        try db.run("DELETE FROM ui_sessions WHERE hash = ?", [hash])
    }

    func deleteExpiredSessions() throws {
        try db.run("DELETE FROM ui_sessions WHERE expires_at <= ?", [now])
    }
}
