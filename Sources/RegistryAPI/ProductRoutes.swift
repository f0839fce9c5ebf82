import HTTPProtocol
import JSON
import MeshModel
import Registry

/// `/api/v1/products`: list, get, register or update (PUT, with If-Match), retire (DELETE), history.
enum ProductRoutes {
    static func routes(registry: Registry) -> [Route] {
        let envelopes = EnvelopeCache()
        return [
            Route(.get, "/api/v1/products") { context in
                let request = context.request
                let query = ProductQuery(
                    domain: request.queryValue("domain"), status: try context.choiceQuery("status", from: LifecycleStatus.allCases.map(\.rawValue)), team: request.queryValue("team"),
                    text: request.queryValue("q"), classification: request.queryValue("classification"), limit: try context.integerQuery("limit", maximum: 1_000) ?? 100,
                    cursor: request.queryValue("cursor"))
                let page = try registry.products(query)
                return .json(["items": .array(page.items.map(\.json)), "nextCursor": page.nextCursor.map(JSONValue.string) ?? .null])
            },
            Route(.get, "/api/v1/products/{id}", fromMemory: { context in
                registry.cachedProduct(context.parameter("id")).map { DocumentResponse.make($0, envelopes: envelopes) }
            }) { context in
                DocumentResponse.make(try registry.product(context.parameter("id")), envelopes: envelopes)
            },
            Route(.put, "/api/v1/products/{id}") { context in
                let id = context.parameter("id")
                let actor = try context.actor
                try registry.authorizeChange(of: .dataProduct, id, actor: actor)
                let target = WriteTarget(kind: .dataProduct, key: id, expectedRevision: try DocumentResponse.expectedRevision(context.request))
                let result = try registry.write(try context.document(), to: target, actor: actor)
                return DocumentResponse.written(result, location: "/api/v1/products/\(id)")
            },
            Route(.delete, "/api/v1/products/{id}") { context in
                let id = context.parameter("id")
                return DocumentResponse.written(try registry.retireProduct(id, actor: try context.actor), location: "/api/v1/products/\(id)")
            },
            Route(.get, "/api/v1/products/{id}/revisions") { context in
                let revisions = try registry.productRevisions(context.parameter("id"))
                return .json(["items": .array(revisions.map { revision in
                    ["revision": .integer(Int64(revision.revision)), "registeredAt": .string(revision.registeredAt),
                     "registeredBy": .string(revision.registeredBy), "digest": .string(revision.digest),
                     "version": revision.document["version"] ?? .null, "status": revision.document["status"] ?? .null]
                })])
            },
            Route(.get, "/api/v1/products/{id}/revisions/{revision}") { context in
                let id = context.parameter("id")
                guard let number = Int(context.parameter("revision")),
                    let revision = try registry.productRevisions(id).first(where: { $0.revision == number })
                else {
                    throw APIError(.notFound, "not-found", "the product \(id) has no revision \(context.parameter("revision"))")
                }
                return DocumentResponse.make(revision)
            },
        ]
    }
}
