import HTTPProtocol
import JSON
import MeshModel
import Registry

/// `/api/v1/contracts/{id}`: publish a version (PUT), list versions, get or retire one version.
enum ContractRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.get, "/api/v1/contracts/{id}") { context in
                let id = context.parameter("id")
                let versions = try registry.contractVersions(id)
                return .json(["id": .string(id), "versions": .array(versions.map { ["version": .string($0.version), "status": .string($0.status)] })])
            },
            Route(.put, "/api/v1/contracts/{id}") { context in
                let id = context.parameter("id")
                let actor = try context.actor
                try registry.authorizeChange(of: .dataContract, id, actor: actor)
                let result = try registry.write(try context.document(), to: WriteTarget(kind: .dataContract, key: id), actor: actor)
                let version = String(result.key.dropFirst(id.count + 1))
                return DocumentResponse.written(result, location: "/api/v1/contracts/\(id)/versions/\(version)")
            },
            Route(.get, "/api/v1/contracts/{id}/versions/{version}") { context in
                DocumentResponse.make(try registry.contract(context.parameter("id"), version: context.parameter("version")))
            },
            Route(.delete, "/api/v1/contracts/{id}/versions/{version}") { context in
                let (id, version) = (context.parameter("id"), context.parameter("version"))
                return DocumentResponse.written(try registry.retireContract(id, version: version, actor: try context.actor),
                                                location: "/api/v1/contracts/\(id)/versions/\(version)")
            },
        ]
    }
}
