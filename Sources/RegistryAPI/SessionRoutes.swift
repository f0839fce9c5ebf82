import JSON

/// `GET /api/v1/whoami`: who the caller is, as the web UI shows it.
enum SessionRoutes {
    static func routes() -> [Route] {
        [
            Route(.get, "/api/v1/whoami") { context in
                let actor = try context.actor
                return .json(["name": .string(actor.description), "username": actor.username.map(JSONValue.string) ?? .null,
                              "team": actor.team.map(JSONValue.string) ?? .null, "admin": .bool(actor.isAdmin)])
            },
        ]
    }
}
