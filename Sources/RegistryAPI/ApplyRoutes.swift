import HTTPProtocol
import JSON
import Registry

/// `POST /api/v1/apply`: a domain repository's tree applied in one transaction, all or nothing,
/// answered document by document; `?dryRun=true` plans without writing, `?prune=true` retires
/// what the bundle's domains hold and the bundle does not.
enum ApplyRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.post, "/api/v1/apply") { context in
                let actor = try context.actor
                let dryRun = try context.booleanQuery("dryRun")
                let submissions = try ApplyBundle(body: context.request.body).submissions()
                let plan = try registry.plan(submissions, actor: actor, commit: !dryRun, prune: try context.booleanQuery("prune"))
                guard !dryRun, var refusal = plan.refusal else { return .json(plan.json) }
                refusal.details["documents"] = plan.json["documents"]
                refusal.details["summary"] = plan.json["summary"]
                return ProblemResponse.make(refusal)
            },
        ]
    }
}
