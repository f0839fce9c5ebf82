import HTTPProtocol
import JSON
import Registry

/// `POST /api/v1/apply`: a domain repository's tree applied in one transaction, all or nothing,
/// answered document by document; `?dryRun=true` plans without writing.
enum ApplyRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.post, "/api/v1/apply") { context in
                let actor = try context.actor
                let dryRun = try context.booleanQuery("dryRun")
                let submissions = try ApplyBundle(body: context.request.body).submissions()
                let plan = try registry.plan(submissions, actor: actor, commit: !dryRun)
                guard !dryRun, var refusal = plan.refusal else { return .json(plan.json) }
                refusal.details["documents"] = plan.json["documents"]
                refusal.details["summary"] = plan.json["summary"]
                return ProblemResponse.make(refusal)
            },
        ]
    }
}
