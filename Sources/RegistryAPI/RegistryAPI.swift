import Dispatch
import FoundationEssentials
import HTTPProtocol
import HTTPServer
import JSON
import Registry
import WebUI

/// The registry's HTTP API as one `HTTPResponder`: authentication, routing, errors as
/// problem+json, metrics and a log line per request, each request named by an `X-Request-Id`.
/// The web UI's pages (`/` and `/ui/...`) have a router of their own and carry the security
/// headers. Testable by calling `respond(to:)` directly. See docs/ARCHITECTURE.md, "Request path".
public final class RegistryAPI: HTTPResponder {
    public let registry: Registry
    public let router: Router
    /// The web UI's routes, apart from the API's (not in the OpenAPI document).
    public let uiRouter: Router
    public let metrics: Metrics
    private let authenticator: Authenticator
    private let throttle = AuthenticationThrottle()
    private let requestIdentifiers = RequestIdentifiers()
    private let log: (@Sendable (LogRecord) -> Void)?

    /// `allowsAnonymousRead`: reads without credentials act as an anonymous principal
    /// (`serve --ui-anonymous-read`); writes still need a token or a session.
    public init(registry: Registry, allowsAnonymousRead: Bool = false, log: (@Sendable (LogRecord) -> Void)? = nil) {
        self.registry = registry
        let authenticator = Authenticator(registry: registry, allowsAnonymousRead: allowsAnonymousRead)
        self.authenticator = authenticator
        self.log = log
        let metrics = Metrics()
        self.metrics = metrics
        self.router = Router(Self.routes(registry: registry, metrics: metrics))
        self.uiRouter = Router(UIRoutes.routes(registry: registry, authenticator: authenticator, throttle: throttle))
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard let response = answer(request, rawPath: request.rawPath, fromMemoryOnly: false) else {
            preconditionFailure("a worker answers every request")
        }
        return response
    }

    /// Answers on the event loop what needs no database, file or waiting lock: unknown routes,
    /// health, the OpenAPI document, schemas by id and products held in their caches, each for a
    /// caller the token cache knows (docs/ARCHITECTURE.md, "Answers made on the loop"). Requests with a body never.
    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        guard request.method == .get || request.method == .head, request.body.isEmpty else { return nil }
        let rawPath = request.rawPath
        guard !Self.mayWaitLong(request.method, rawPath) else { return nil }
        return answer(request, rawPath: rawPath, fromMemoryOnly: true)
    }

    /// The one way a request is answered, on a worker or (`fromMemoryOnly`) on the event loop,
    /// where nil means a worker must answer it; either way the same headers, metrics and log line.
    private func answer(_ request: HTTPRequest, rawPath: Substring, fromMemoryOnly: Bool) -> HTTPResponse? {
        let start = DispatchTime.now().uptimeNanoseconds
        var route = "unmatched"
        var principal: Principal?
        let outcome: Result<HTTPResponse, ServerFailure>
        let isUI = Self.isUIPath(rawPath)
        switch (isUI ? uiRouter : router).match(request.method, rawPath: rawPath) {
        case .notFound:
            outcome = .success(ProblemResponse.make(status: .notFound, code: "no-such-route",
                                                    detail: "no endpoint at this path; GET /openapi.json lists them all"))
        case .methodNotAllowed(let allowed):
            var refusal = ProblemResponse.make(status: .methodNotAllowed, code: "method-not-allowed",
                                               detail: "\(request.method) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))")
            refusal.headers.add(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
            outcome = .success(refusal)
        case .found(let matched, let parameters):
            if fromMemoryOnly && matched.memoryHandler == nil { return nil }
            route = matched.template
            guard let handled = handle(request, matched, parameters, fromMemoryOnly: fromMemoryOnly, principal: &principal) else { return nil }
            outcome = handled
        }
        let requestID = requestIdentifiers.next()
        var response: HTTPResponse
        var failure: String?
        switch outcome {
        case .success(let answered):
            response = answered
        case .failure(let serverFailure):
            failure = serverFailure.cause
            response = ProblemResponse.make(serverFailure, requestID: requestID)
        }
        if Self.isConfluentPath(rawPath) {
            response = ConfluentResponse.translatingProblem(response)
        }
        if isUI {
            for (name, value) in SecurityHeaders.fields { response.headers.replaceOrAdd(name: name, value: value) }
        }
        response.headers.add(name: "X-Request-Id", value: requestID)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        metrics.record(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        log?(LogRecord(requestID: requestID, method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds,
                       principal: principal?.description, failure: failure))
        return response
    }

    /// The event feed's long polls and streams (`/api/v1/events?wait=`, `/api/v1/events/stream`)
    /// wait for commits up to `Registry.maximumEventWait`: the server runs them on its long-wait pool.
    public func mayWaitLong(_ request: HTTPRequest) -> Bool {
        Self.mayWaitLong(request.method, request.rawPath)
    }

    private static func mayWaitLong(_ method: HTTPMethod, _ rawPath: Substring) -> Bool {
        method == .get && rawPath.hasBytePrefix("/api/v1/events")
    }

    /// The route's answer, or the server failure to answer without its cause; nil when
    /// `fromMemoryOnly` and the answer needs the database (a token the cache lacks, a cache miss).
    private func handle(_ request: HTTPRequest, _ route: Route, _ parameters: PathParameters, fromMemoryOnly: Bool,
                        principal: inout Principal?) -> Result<HTTPResponse, ServerFailure>? {
        do {
            if route.requiresAuthentication {
                switch try authenticator.authenticate(request, fromMemoryOnly: fromMemoryOnly) {
                case nil: return nil
                case .authenticated(let caller): principal = caller
                case .missing: return .success(unauthorized("this endpoint needs a token: send Authorization: Bearer <token>"))
                case .invalid:
                    return .success(throttle.delaying(
                        unauthorized("the token or session is unknown, expired or revoked; sign in again, or ask an admin for a new token (meshreg token issue)"),
                        afterFailureFrom: request.remoteAddress))
                case .csrfRefused:
                    return .success(ProblemResponse.make(status: .forbidden, code: "csrf-token-invalid",
                                                         detail: "a write with the session cookie needs the page's X-CSRF-Token header; reload the page"))
                }
            }
            let context = RequestContext(request: request, parameters: parameters, principal: principal)
            guard fromMemoryOnly else { return .success(try route.handler(context)) }
            return try route.memoryHandler?(context).map { .success($0) }
        } catch let error as RegistryError where error.code != .storageFailure {
            return .success(ProblemResponse.make(error))
        } catch let error as APIError {
            return .success(ProblemResponse.make(error))
        } catch {
            return .failure(error as? ServerFailure ?? ServerFailure(cause: error))
        }
    }

    /// `/` and everything under `/ui`. Paths are compared as bytes: a raw path is ASCII.
    static func isUIPath(_ rawPath: Substring) -> Bool {
        rawPath == "/" || rawPath.isPathOrUnder("/ui")
    }

    /// `/apis/ccompat/v7` and everything under it.
    static func isConfluentPath(_ rawPath: Substring) -> Bool {
        rawPath.isPathOrUnder(ConfluentRoutes.prefix)
    }

    private func unauthorized(_ detail: String) -> HTTPResponse {
        var response = ProblemResponse.make(status: .unauthorized, code: "unauthenticated", detail: detail)
        for challenge in Authenticator.challenges { response.headers.add(name: "WWW-Authenticate", value: challenge) }
        return response
    }

    /// Every route of the API, in the order they are documented.
    static func routes(registry: Registry, metrics: Metrics) -> [Route] {
        HealthRoutes.routes(registry: registry, metrics: metrics) + DomainRoutes.routes(registry: registry)
            + ProductRoutes.routes(registry: registry) + ContractRoutes.routes(registry: registry)
            + CompatibilityRoutes.routes(registry: registry) + AccessRoutes.routes(registry: registry)
            + GovernanceRoutes.routes(registry: registry) + ConfluentRoutes.routes(registry: registry)
            + LineageRoutes.routes(registry: registry) + ApplyRoutes.routes(registry: registry) + EventRoutes.routes(registry: registry)
            + WebhookRoutes.routes(registry: registry) + SessionRoutes.routes()
    }
}
