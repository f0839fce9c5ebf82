import HTTPProtocol
import JSON
import Policy
import Registry

/// `/api/v1/policies`, `/api/v1/policies/evaluate` and `/api/v1/audit*` (docs/ARCHITECTURE.md,
/// "Policies" and "Audit log").
enum GovernanceRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.get, "/api/v1/policies") { _ in
                let set = registry.configuration.policies
                return .json(["version": .string(set.version), "items": .array(set.policies.map { policy in
                    ["name": .string(policy.name), "description": .string(policy.description),
                     "events": .array(policy.events.map { .string($0.rawValue) }),
                     "validationActions": .array(policy.validationActions.map { .string($0.rawValue) }),
                     "digest": set.digest(ofPolicy: policy.name).map(JSONValue.string) ?? .null, "document": policy.json]
                })])
            },
            Route(.post, "/api/v1/policies/evaluate") { context in
                let body = try context.document().json
                guard let name = body["event"]?.stringValue, let event = PolicyEvent(rawValue: name) else {
                    throw APIError(.unprocessableContent, "invalid-request",
                                   "give `event` (one of \(PolicyEvent.allCases.map(\.rawValue).joined(separator: ", "))) and `input`")
                }
                let input: PolicyInput
                do throws(PolicyInputError) {
                    input = try PolicyInput(json: body["input"] ?? [:])
                } catch {
                    throw APIError(.unprocessableContent, "invalid-request", "input\(error.pointer): \(error.message)")
                }
                return .json(registry.evaluatePolicies(event: event, input: input).json)
            },
            Route(.get, "/api/v1/audit") { context in
                let request = context.request
                let query = AuditQuery(
                    since: request.queryValue("since"), until: request.queryValue("until"), actor: request.queryValue("actor"),
                    domain: request.queryValue("domain"), policy: request.queryValue("policy"), outcome: try context.choiceQuery("outcome", from: AuditEntry.Outcome.allCases.map(\.rawValue)),
                    action: request.queryValue("action"), limit: try context.integerQuery("limit", maximum: 1_000) ?? 100,
                    cursor: try context.integerQuery("cursor").map(Int64.init))
                let page = try registry.auditEntries(query)
                return .json(["items": .array(page.entries.map(\.json)), "nextCursor": page.nextCursor.map { .string(String($0)) } ?? .null])
            },
            Route(.get, "/api/v1/audit/verify") { _ in
                .json(try registry.verifyAuditLog().json)
            },
            Route(.get, "/api/v1/audit/violations") { _ in
                let scan = try registry.scan()
                return .json(["policySetVersion": .string(scan.policySetVersion), "documents": .integer(Int64(scan.documents)),
                              "items": .array(scan.findings.map(\.json))])
            },
        ]
    }
}
