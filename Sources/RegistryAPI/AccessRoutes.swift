import HTTPProtocol
import JSON
import Registry

/// `/api/v1/access-requests`: request access to an output port, approve, reject, revoke, list.
enum AccessRoutes {
    static func routes(registry: Registry) -> [Route] {
        [
            Route(.post, "/api/v1/access-requests") { context in
                let body = try context.document().json
                func field(_ name: String) throws(APIError) -> String {
                    guard let value = body[name]?.stringValue, !value.isEmpty else {
                        throw APIError(.unprocessableContent, "invalid-request", "give `\(name)`: the request needs product, port, team and purpose")
                    }
                    return value
                }
                func optionalField(_ name: String) throws(APIError) -> String? {
                    guard let value = body[name] else { return nil }
                    guard let text = value.stringValue else {
                        throw APIError(.unprocessableContent, "invalid-request", "`\(name)` must be a string, or left out")
                    }
                    return text
                }
                let submission = AccessRequestSubmission(
                    product: try field("product"), port: try field("port"), portVersion: try optionalField("portVersion"),
                    team: try field("team"), purpose: try field("purpose"), expires: try optionalField("expires"))
                let (request, warnings) = try registry.requestAccess(submission, actor: try context.actor)
                guard case .object(var object) = request.json else { return .json(request.json) }
                if !warnings.isEmpty { object["warnings"] = .array(warnings.map(\.json)) }
                var response = HTTPResponse.json(.object(object), status: .created)
                response.headers.add(name: "Location", value: "/api/v1/access-requests/\(request.id)")
                return response
            },
            Route(.get, "/api/v1/access-requests") { context in
                let request = context.request
                // `expired` is not stored (an expired grant is stored as approved), so it is no filter.
                let stored = AccessRequest.Status.allCases.filter { $0 != .expired }.map(\.rawValue)
                let items = try registry.accessRequests(product: request.queryValue("product"), team: request.queryValue("team"),
                                                        status: try context.choiceQuery("status", from: stored),
                                                        limit: try context.integerQuery("limit", maximum: 1_000) ?? 100)
                return .json(["items": .array(items.map(\.json))])
            },
            Route(.get, "/api/v1/access-requests/{id}") { context in
                .json(try registry.accessRequest(context.parameter("id")).json)
            },
            Route(.post, "/api/v1/access-requests/{id}/approve") { context in
                .json(try registry.decideAccess(context.parameter("id"), approve: true, note: note(context), actor: try context.actor).json)
            },
            Route(.post, "/api/v1/access-requests/{id}/reject") { context in
                .json(try registry.decideAccess(context.parameter("id"), approve: false, note: note(context), actor: try context.actor).json)
            },
            Route(.post, "/api/v1/access-requests/{id}/revoke") { context in
                .json(try registry.revokeAccess(context.parameter("id"), note: note(context), actor: try context.actor).json)
            },
        ]
    }

    /// The optional `{note}` of a decision; an empty body is fine.
    private static func note(_ context: RequestContext) throws -> String? {
        context.request.body.isEmpty ? nil : try context.document().json["note"]?.stringValue
    }
}
