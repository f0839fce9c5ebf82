import HTTPProtocol
import JSON
import Registry

/// `/healthz`, `/readyz`, `/openapi.json` (open) and `/metrics`.
enum HealthRoutes {
    /// The liveness answer, encoded once: the load balancer asks for it all the time.
    private static let healthy = HTTPResponse.json(["status": "ok"])
    /// The OpenAPI document's answer, its bytes made once rather than copied from the text per request.
    private static let openAPI = HTTPResponse(
        status: .ok, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Array(OpenAPIDocument.text.utf8))

    static func routes(registry: Registry, metrics: Metrics) -> [Route] {
        [
            Route(.get, "/healthz", authenticated: false, answersFromMemory: true) { _ in healthy },
            Route(.get, "/readyz", authenticated: false) { _ in
                do {
                    _ = try registry.statistics()
                    return .json(["status": "ready"])
                } catch {
                    throw ServerFailure(status: .serviceUnavailable, code: "not-ready", summary: "the database cannot be read", cause: error)
                }
            },
            Route(.get, "/openapi.json", authenticated: false, answersFromMemory: true) { _ in openAPI },
            Route(.get, "/metrics") { _ in
                let statistics = try registry.statistics()
                let text = metrics.render(gauges: [
                    ("meshreg_products", "Registered data products (any status).", Double(statistics.products)),
                    ("meshreg_contract_versions", "Published contract versions (any status).", Double(statistics.contractVersions)),
                    ("meshreg_database_bytes", "Size of the SQLite database file.", Double(statistics.databaseBytes)),
                ])
                return HTTPResponse(status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8", text: text)
            },
        ]
    }
}
