// MARK: Tokens (only their SHA-256 digests are stored)

extension RegistryStore {
    func insertToken(id: String, digest: String, principal: Principal, description: String) throws {
        try db.run(
            "INSERT INTO tokens (id, hash, username, team, is_admin, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [id, digest, principal.username, principal.team, principal.isAdmin, description, now])
    }

    /// The principal of the unrevoked token with `digest`, or nil.
    func principal(forTokenDigest digest: String) throws -> Principal? {
        try db.query("SELECT username, team, is_admin FROM tokens WHERE hash = ? AND revoked_at IS NULL", [digest])
            .first.map { row in Principal(username: row.string("username"), team: row.string("team"), isAdmin: row.bool("is_admin")) }
    }

    /// Every token, oldest first.
    func tokenSummaries() throws -> [TokenSummary] {
        try db.query("SELECT * FROM tokens ORDER BY created_at, id").map { row in
            TokenSummary(id: row.string("id") ?? "",
                         principal: Principal(username: row.string("username"), team: row.string("team"), isAdmin: row.bool("is_admin")),
                         description: row.string("description") ?? "", createdAt: row.string("created_at") ?? "",
                         revokedAt: row.string("revoked_at"))
        }
    }

    /// Marks the token revoked (once); false when there is no token `id`.
    func revokeToken(_ id: String) throws -> Bool {
        guard try !db.query("SELECT 1 FROM tokens WHERE id = ?", [id]).isEmpty else { return false }
        try db.run("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [now, id])
        return true
    }

    func hasAdminToken() throws -> Bool {
        try !db.query("SELECT 1 FROM tokens WHERE is_admin = 1 AND revoked_at IS NULL LIMIT 1").isEmpty
    }
}
