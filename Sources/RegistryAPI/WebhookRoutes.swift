import HTTPProtocol
import JSON
import Registry
import Webhooks

/// `/api/v1/webhooks`: subscriptions that receive change events as signed POSTs
/// (docs/ARCHITECTURE.md, "Change events").
enum WebhookRoutes {
    static func routes(registry: Registry) -> [Route] {
        let addressGuard = WebhookURLGuard(allowsPrivateAddresses: registry.configuration.allowsPrivateWebhooks)
        return [
            Route(.post, "/api/v1/webhooks") { context in
                let body = try context.document().json
                guard let url = body["url"]?.stringValue else {
                    throw APIError(.unprocessableContent, "invalid-request", "give `url` (where events are POSTed) and optionally `types`, `domains`, `description`")
                }
                if let refusal = addressGuard.refusal(url) { throw APIError(.unprocessableContent, "webhook-url-refused", refusal) }
                let created = try registry.createWebhook(
                    url: url, types: try strings(body["types"], "types"), domains: try strings(body["domains"], "domains"),
                    description: body["description"]?.stringValue ?? "", actor: try context.actor)
                guard case .object(var object) = created.subscription.json else { preconditionFailure("a subscription is a JSON object") }
                object["secret"] = .string(created.secret)
                return .json(.object(object), status: .created)
            },
            Route(.get, "/api/v1/webhooks") { context in
                .json(["items": .array(try registry.webhooks(actor: try context.actor).map(\.json))])
            },
            Route(.get, "/api/v1/webhooks/{id}") { context in
                .json(try registry.webhook(context.parameter("id"), actor: try context.actor).json)
            },
            Route(.delete, "/api/v1/webhooks/{id}") { context in
                try registry.deleteWebhook(context.parameter("id"), actor: try context.actor)
                return HTTPResponse(status: .noContent)
            },
            Route(.post, "/api/v1/webhooks/{id}/pause") { context in
                .json(try registry.setWebhookPaused(context.parameter("id"), true, actor: try context.actor).json)
            },
            Route(.post, "/api/v1/webhooks/{id}/resume") { context in
                .json(try registry.setWebhookPaused(context.parameter("id"), false, actor: try context.actor).json)
            },
            Route(.get, "/api/v1/webhooks/{id}/deliveries") { context in
                let deliveries = try registry.webhookDeliveries(context.parameter("id"), limit: try context.integerQuery("limit", maximum: 1_000) ?? 100,
                                                                actor: try context.actor)
                return .json(["items": .array(deliveries.map(\.json))])
            },
            Route(.post, "/api/v1/webhooks/{id}/replay") { context in
                let from = try EventRoutes.sequenceQuery(context.request.queryValue("from"), registryID: registry.registryID)
                return .json(try registry.replayWebhook(context.parameter("id"), from: from, actor: try context.actor).json)
            },
        ]
    }

    /// An optional array of strings in the request body.
    private static func strings(_ value: JSONValue?, _ name: String) throws(APIError) -> [String] {
        guard let value, value != .null else { return [] }
        guard let array = value.arrayValue, array.allSatisfy({ $0.stringValue != nil }) else {
            throw APIError(.unprocessableContent, "invalid-request", "`\(name)` must be an array of strings")
        }
        return array.compactMap(\.stringValue)
    }
}
