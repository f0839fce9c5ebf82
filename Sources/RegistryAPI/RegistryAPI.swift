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
        let start = DispatchTime.now().uptimeNanoseconds
        let requestID = requestIdentifiers.next()
        var route = "unmatched"
        var principal: Principal?
        var failure: String?
        var response: HTTPResponse
        let isUI = Self.isUIPath(request.rawPath)
        switch (isUI ? uiRouter : router).match(request.method, rawPath: request.rawPath) {
        case .notFound:
            response = ProblemResponse.make(status: .notFound, code: "no-such-route",
                                            detail: "no endpoint at this path; GET /openapi.json lists them all")
        case .methodNotAllowed(let allowed):
            var refusal = ProblemResponse.make(status: .methodNotAllowed, code: "method-not-allowed",
                                               detail: "\(request.method) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))")
            refusal.headers.add(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
            response = refusal
        case .found(let matched, let parameters):
            route = matched.template
            response = handle(request, matched, parameters, requestID: requestID, principal: &principal, failure: &failure)
        }
        if request.rawPath.hasPrefix(ConfluentRoutes.prefix + "/") || request.rawPath == ConfluentRoutes.prefix {
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
        request.method == .get && request.rawPath.hasPrefix("/api/v1/events")
    }

    /// The route's answer; a server failure answers without its cause, which goes to `failure` for the log.
    private func handle(_ request: HTTPRequest, _ route: Route, _ parameters: [String: String], requestID: String,
                        principal: inout Principal?, failure: inout String?) -> HTTPResponse {
        do {
            if route.requiresAuthentication {
                switch try authenticator.authenticate(request) {
                case .authenticated(let caller): principal = caller
                case .missing: return unauthorized("this endpoint needs a token: send Authorization: Bearer <token>")
                case .invalid:
                    return throttle.delaying(
                        unauthorized("the token or session is unknown, expired or revoked; sign in again, or ask an admin for a new token (meshreg token issue)"),
                        afterFailureFrom: request.remoteAddress)
                case .csrfRefused:
                    return ProblemResponse.make(status: .forbidden, code: "csrf-token-invalid",
                                                detail: "a write with the session cookie needs the page's X-CSRF-Token header; reload the page")
                }
            }
            return try route.handler(RequestContext(request: request, parameters: parameters, principal: principal))
        } catch let error as RegistryError where error.code != .storageFailure {
            return ProblemResponse.make(error)
        } catch let error as APIError {
            return ProblemResponse.make(error)
        } catch {
            let serverFailure = error as? ServerFailure ?? ServerFailure(cause: error)
            failure = serverFailure.cause
            return ProblemResponse.make(serverFailure, requestID: requestID)
        }
    }

    /// `/` and everything under `/ui`.
    static func isUIPath(_ rawPath: Substring) -> Bool {
        rawPath == "/" || rawPath == "/ui" || rawPath.hasPrefix("/ui/")
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
