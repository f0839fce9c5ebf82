import HTTPProtocol
import JSON
import MeshModel
import Registry

/// `/api/v1/domains` and `/api/v1/teams/{name}`.
enum DomainRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.get, "/api/v1/domains") { _ in
                .json(["items": .array(try registry.domains().map { domain in
                    ["name": .string(domain.name), "description": domain.description.map(JSONValue.string) ?? .null,
                     "teams": .array(domain.teams.map(JSONValue.string))]
                })])
            },
            Route(.get, "/api/v1/domains/{name}") { context in
                let name = context.parameter("name")
                let stored = try registry.domain(name)
                return DocumentResponse.make(stored, extra: [("teams", .array(try registry.domainTeams(name).map(\.json)))])
            },
            Route(.put, "/api/v1/domains/{name}") { context in
                let name = context.parameter("name")
                try registry.authorizeChange(of: .domain, name, actor: try context.actor)
                let result = try registry.write(try context.document(), to: WriteTarget(kind: .domain, key: name), actor: try context.actor)
                return DocumentResponse.written(result, location: "/api/v1/domains/\(name)")
            },
            Route(.get, "/api/v1/teams/{name}") { context in
                .json(try registry.team(context.parameter("name")).json)
            },
        ]
    }
}
