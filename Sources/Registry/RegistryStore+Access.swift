import SQL

extension RegistryStore {
    /// Approved grants whose expiry falls in (`after`, `through`], with their product's domain, by expiry.
    func grantsExpiring(after start: String, through end: String) throws -> [Row] {
        try db.query(
            """
            SELECT a.id, a.consumer_team, a.expires_at, p.domain FROM access_requests a JOIN products p ON p.id = a.product_id
            WHERE a.status = 'approved' AND a.expires_at > ? AND a.expires_at <= ? ORDER BY a.expires_at, a.id
            """,
            [start, end])
    }

    func accessRequest(_ id: String) throws -> AccessRequest? {
        try db.query("SELECT * FROM access_requests WHERE id = ?", [id]).first.map(accessRequest(from:))
    }

    /// Requests filtered by product, consumer team and stored status, newest first.
    func accessRequests(product: String?, team: String?, status: String?, limit: Int) throws -> [AccessRequest] {
        var conditions = ["1 = 1"]
        var values: [any SQLBindable] = []
        for (column, value) in [("product_id", product), ("consumer_team", team), ("status", status)] {
            if let value {
                conditions.append("\(column) = ?")
                values.append(value)
            }
        }
        values.append(limit)
        return try db.query("SELECT * FROM access_requests WHERE \(conditions.joined(separator: " AND ")) ORDER BY requested_at DESC, id LIMIT ?", values)
            .map(accessRequest(from:))
    }

    func insertAccessRequest(_ request: AccessRequest) throws {
        try db.run(
            """
            INSERT INTO access_requests (id, product_id, port, port_version, consumer_team, purpose, requested_by, requested_at,
                expires_at, status, decided_by, decided_at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [request.id, request.product, request.port, request.portVersion, request.team, request.purpose, request.requestedBy,
             request.requestedAt, request.expiresAt, request.status.rawValue, request.decidedBy, request.decidedAt, request.note])
    }

    func decideAccessRequest(_ id: String, status: AccessRequest.Status, by actor: Principal, note: String?) throws {
        try db.run("UPDATE access_requests SET status = ?, decided_by = ?, decided_at = ?, note = coalesce(?, note) WHERE id = ?",
                   [status.rawValue, actor.description, now, note, id])
    }

    /// Approved, unexpired grants on any port of `product`, as `grant:<id>` with the team.
    func activeGrants(onProduct product: String) throws -> [String] {
        try db.query(
            "SELECT id, consumer_team FROM access_requests WHERE product_id = ? AND status = 'approved' AND (expires_at IS NULL OR expires_at > ?) ORDER BY id",
            [product, now]
        ).map { "grant:\($0.string("id") ?? "") (team \($0.string("consumer_team") ?? ""))" }
    }

    private func accessRequest(from row: Row) -> AccessRequest {
        let expiresAt = row.string("expires_at")
        var status = AccessRequest.Status(rawValue: row.string("status") ?? "") ?? .pending
        if status == .approved, let expiresAt, !now.isEmpty, expiresAt <= now { status = .expired }
        return AccessRequest(
            id: row.string("id") ?? "", product: row.string("product_id") ?? "", port: row.string("port") ?? "",
            portVersion: row.string("port_version") ?? "", team: row.string("consumer_team") ?? "", purpose: row.string("purpose") ?? "",
            requestedBy: row.string("requested_by") ?? "", requestedAt: row.string("requested_at") ?? "", expiresAt: expiresAt,
            status: status, decidedBy: row.string("decided_by"), decidedAt: row.string("decided_at"), note: row.string("note"))
    }
}
