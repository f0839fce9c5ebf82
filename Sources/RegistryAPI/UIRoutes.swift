import HTTPProtocol
import Registry
import WebUI

/// The web UI: `/` redirects to `/ui/`; sign-in and sign-out; the embedded assets; one page
/// shell per page URL. Pages need a session unless anonymous reads are allowed; their data
/// comes from the JSON API. See docs/ARCHITECTURE.md, "Web UI".
enum UIRoutes {
    static func routes(registry: Registry, authenticator: Authenticator, throttle: AuthenticationThrottle) -> [Route] {
        let fixed = [
            Route(.get, "/", authenticated: false) { _ in redirect(to: "/ui/") },
            Route(.get, "/ui/login", authenticated: false) { context in
                if try signedInSecret(context.request, registry) != nil { return redirect(to: "/ui/") }
                let notice: LoginPage.Notice = context.request.queryValue("notice") == "signed-out" ? .signedOut : .none
                return html(LoginPage.html(notice))
            },
            Route(.post, "/ui/login", authenticated: false) { context in
                let request = context.request
                guard isSameOrigin(request) else { return html(LoginPage.html(.none), status: .forbidden) }
                let token = request.formItems.first { $0.name == "token" }?.value ?? ""
                guard let session = try registry.openSession(token: token) else {
                    return throttle.delaying(html(LoginPage.html(.invalidToken), status: .unauthorized), afterFailureFrom: request.remoteAddress)
                }
                var response = redirect(to: "/ui/")
                response.headers.add(name: "Set-Cookie", value: SessionCookie.setting(session, for: request))
                return response
            },
            Route(.post, "/ui/logout", authenticated: false) { context in
                let request = context.request
                guard let secret = SessionCookie.secret(in: request) else { return redirect(to: "/ui/login") }
                let presented = request.formItems.first { $0.name == "csrf" }?.value ?? request.headers["X-CSRF-Token"] ?? ""
                guard isSameOrigin(request), UISession.acceptsCSRFToken(presented, forSecret: secret) else {
                    throw APIError(.forbidden, "csrf-token-invalid", "sign out from a meshreg page: the form's CSRF token is missing or wrong")
                }
                try registry.closeSession(secret: secret)
                var response = redirect(to: "/ui/login?notice=signed-out")
                response.headers.add(name: "Set-Cookie", value: SessionCookie.clearing(for: request))
                return response
            },
            Route(.get, "/ui/assets/{name}", authenticated: false) { context in
                guard let asset = WebAsset.named(context.parameter("name")) else {
                    throw APIError(.notFound, "not-found", "no UI asset \(context.parameter("name"))")
                }
                return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", asset.contentType), ("Cache-Control", "no-cache")]),
                                    body: Array(asset.text.utf8))
            },
        ]
        let pages = UIPage.allCases.map { page in
            Route(.get, page.template, authenticated: false) { context in
                let secret = try signedInSecret(context.request, registry)
                guard secret != nil || authenticator.allowsAnonymousRead else { return redirect(to: "/ui/login") }
                let shell = PageShell.html(page, csrfToken: secret.map(UISession.csrfToken(forSecret:)) ?? "",
                                           eventsAfter: try registry.latestEventSequence(), eventTypes: ChangeEventType.all)
                return html(shell)
            }
        }
        return fixed + pages
    }

    /// The request's session secret when it names a live session.
    private static func signedInSecret(_ request: HTTPRequest, _ registry: Registry) throws(RegistryError) -> String? {
        guard let secret = SessionCookie.secret(in: request), try registry.sessionPrincipal(secret: secret) != nil else { return nil }
        return secret
    }

    /// False when the browser says the form was sent from another site (`Origin` names another
    /// host): a sign-in or sign-out forged by another page is refused.
    private static func isSameOrigin(_ request: HTTPRequest) -> Bool {
        guard let origin = request.headers["Origin"] else { return true }
        guard let host = request.headers["Host"] else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    private static func html(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]),
                     body: Array(text.utf8))
    }

    private static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: HTTPStatus(code: 303), headers: HTTPHeaders([("Location", location), ("Cache-Control", "no-store")]))
    }
}
