import Crypto
import Foundation
import HTTPProtocol
import JSON
import Registry
import RegistryAPI
import Testing
import WebUI

/// The web UI's sign-in, sessions, CSRF and security headers, through the router.
@Suite struct WebUITests {
    private func signIn(_ fixture: APIFixture, token: String, headers: [(String, String)] = [], overTLS: Bool = false) -> HTTPResponse {
        fixture.send(.post, "/ui/login", headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
                     body: "token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token), overTLS: overTLS)
    }

    private func sessionSecret(_ response: HTTPResponse) throws -> String {
        let cookie = try #require(response.headers["Set-Cookie"])
        return String(try #require(cookie.split(separator: ";").first).dropFirst("meshreg_session=".count))
    }

    private func cookie(_ secret: String) -> (String, String) { ("Cookie", "theme=dark; meshreg_session=\(secret)") }

    @Test func signInSetsAnHttpOnlyStrictCookieWhoseSecretIsStoredOnlyAsAHash() throws {
        let fixture = try APIFixture()
        let response = signIn(fixture, token: fixture.ordersOwnerToken)
        #expect(response.status.code == 303)
        #expect(response.headers["Location"] == "/ui/")
        let setCookie = try #require(response.headers["Set-Cookie"])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
        #expect(!setCookie.contains("Secure"))
        let secret = try sessionSecret(response)
        #expect(secret.count == 64)
        let rows = try fixture.connection().query("SELECT hash FROM ui_sessions")
        #expect(rows.map { $0.string("hash") } == [SHA256.hexDigest(secret)])

        let behindTLS = signIn(fixture, token: fixture.ordersOwnerToken, headers: [("X-Forwarded-Proto", "https")])
        #expect(behindTLS.headers["Set-Cookie"]?.hasSuffix("; Secure") == true)
        let overOwnTLS = signIn(fixture, token: fixture.ordersOwnerToken, overTLS: true)
        #expect(overOwnTLS.headers["Set-Cookie"]?.hasSuffix("; Secure") == true)
        let whoami = fixture.send(.get, "/api/v1/whoami", headers: [cookie(secret)])
        #expect(whoami.json["name"] == "david.kim")
    }

    @Test func aWrongTokenOrAForeignOriginOpensNoSession() throws {
        let fixture = try APIFixture()
        let wrong = signIn(fixture, token: "meshreg_00000000_" + String(repeating: "0", count: 48))
        #expect(wrong.status.code == 401)
        #expect(wrong.headers["Set-Cookie"] == nil)
        #expect(String(decoding: wrong.body, as: UTF8.self).contains("unknown or revoked"))
        let forged = signIn(fixture, token: fixture.adminToken, headers: [("Origin", "https://evil.example")])
        #expect(forged.status.code == 403)
        #expect(forged.headers["Set-Cookie"] == nil)
        #expect(try fixture.connection().query("SELECT 1 FROM ui_sessions").isEmpty)
    }

    @Test func pagesNeedASessionAndCarryTheCSRFTokenOfIt() throws {
        let fixture = try APIFixture()
        for page in UIPage.allCases {
            let target = page.template.replacingOccurrences(of: "{id}", with: "x").replacingOccurrences(of: "{version}", with: "1.0.0")
                .replacingOccurrences(of: "{productId}", with: "x")
            let anonymous = fixture.send(.get, target)
            #expect(anonymous.status.code == 303, "\(target)")
            #expect(anonymous.headers["Location"] == "/ui/login")
        }
        let secret = try sessionSecret(signIn(fixture, token: fixture.ordersOwnerToken))
        let page = fixture.send(.get, "/ui/", headers: [cookie(secret)])
        #expect(page.status == .ok)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains(#"<meta name="csrf-token" content="\#(UISession.csrfToken(forSecret: secret))">"#))
        #expect(!html.contains(secret), "the session secret must never reach the page")
        #expect(html.contains(#"data-event-types="\#(ChangeEventType.all.joined(separator: " "))""#), "the page can listen to every event type")
        #expect(fixture.send(.get, "/", headers: [cookie(secret)]).headers["Location"] == "/ui/")
    }

    @Test func everyUIAnswerCarriesTheSecurityHeaders() throws {
        let fixture = try APIFixture()
        let secret = try sessionSecret(signIn(fixture, token: fixture.adminToken))
        var targets = ["/", "/ui/login", "/ui/assets/nothing.js"] + WebAsset.all.map { "/ui/assets/\($0.name)" }
        targets += ["/ui/", "/ui/products/online-orders", "/ui/contracts/orders.order-events/1.1.0", "/ui/lineage/online-orders", "/ui/impact", "/ui/governance", "/ui/subjects"]
        for target in targets {
            let response = fixture.send(.get, target, headers: [cookie(secret)])
            let policy = response.headers["Content-Security-Policy"] ?? ""
            #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(target)")
            #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(target)")
            #expect(response.headers["X-Content-Type-Options"] == "nosniff", "\(target)")
        }
        #expect(targets.count >= 20)
    }

    @Test func sessionWritesNeedTheirCSRFToken() throws {
        let fixture = try APIFixture()
        let secret = try sessionSecret(signIn(fixture, token: fixture.ordersOwnerToken))
        let body = #"{"product": "online-orders"}"#
        let json = ("Content-Type", "application/json")
        let missing = fixture.send(.post, "/api/v1/access-requests", headers: [cookie(secret), json], body: body)
        #expect(missing.status.code == 403)
        #expect(missing.json["code"] == "csrf-token-invalid")
        let otherSessions = UISession.csrfToken(forSecret: String(repeating: "a", count: 64))
        let wrong = fixture.send(.post, "/api/v1/access-requests", headers: [cookie(secret), json, ("X-CSRF-Token", otherSessions)], body: body)
        #expect(wrong.status.code == 403)
        let right = fixture.send(.post, "/api/v1/access-requests", headers: [cookie(secret), json, ("X-CSRF-Token", UISession.csrfToken(forSecret: secret))], body: body)
        #expect(right.status.code == 422, "authenticated, then refused for the missing fields: \(right.json)")
        #expect(fixture.send(.get, "/api/v1/products", headers: [cookie(secret)]).status == .ok)
    }

    @Test func signOutEndsTheSessionServerSide() throws {
        let fixture = try APIFixture()
        let secret = try sessionSecret(signIn(fixture, token: fixture.ordersOwnerToken))
        let form = ("Content-Type", "application/x-www-form-urlencoded")
        #expect(fixture.send(.post, "/ui/logout", headers: [cookie(secret), form], body: "csrf=nope").status.code == 403)
        let out = fixture.send(.post, "/ui/logout", headers: [cookie(secret), form], body: "csrf=\(UISession.csrfToken(forSecret: secret))")
        #expect(out.status.code == 303)
        #expect(out.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        #expect(fixture.send(.get, "/api/v1/products", headers: [cookie(secret)]).status == .unauthorized)
        #expect(fixture.send(.get, "/ui/", headers: [cookie(secret)]).status.code == 303)
    }

    @Test func revokingTheTokenEndsItsSessions() throws {
        let fixture = try APIFixture()
        let issued = try fixture.registry.issueToken(for: .user("david.kim"), actor: .localAdmin)
        let secret = try sessionSecret(signIn(fixture, token: issued.token))
        #expect(fixture.send(.get, "/api/v1/products", headers: [cookie(secret)]).status == .ok)
        try fixture.registry.revokeToken(issued.id, actor: .localAdmin)
        #expect(fixture.send(.get, "/api/v1/products", headers: [cookie(secret)]).status == .unauthorized)
    }

    @Test func anonymousReadOpensViewsButNotWrites() throws {
        let fixture = try APIFixture()
        let api = RegistryAPI(registry: fixture.registry, allowsAnonymousRead: true)
        func send(_ method: HTTPMethod, _ target: String) -> HTTPResponse {
            api.respond(to: HTTPRequest(head: HTTPRequestHead(method: method, target: target, headers: HTTPHeaders([("Host", "localhost")])),
                                        body: Array(#"{"product": "x"}"#.utf8)))
        }
        #expect(send(.get, "/ui/").status == .ok)
        #expect(send(.get, "/api/v1/products").status == .ok)
        #expect(send(.post, "/api/v1/access-requests").status == .unauthorized)
        #expect(fixture.send(.get, "/api/v1/products").status == .unauthorized, "without the option, reads still need a token")
    }

    /// Each page loads the style sheet, the shared modules and its own: under 200 KB together, and
    /// no module writes markup from strings or evaluates code.
    @Test func pagesStayUnderTheirWeightAndBuildTheDOMFromText() throws {
        for page in UIPage.allCases {
            let assets = try page.assets.map { try #require(WebAsset.named($0), "\(page): \($0)") }
            let weight = assets.reduce(0) { $0 + $1.text.utf8.count }
            #expect(weight < 200_000, "\(page) weighs \(weight) bytes")
            #expect(weight > 5_000, "\(page) weighs only \(weight) bytes")
        }
        let scripts = WebAsset.all.filter { $0.name.hasSuffix(".js") }
        #expect(scripts.count == 10)
        for script in scripts {
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
                #expect(!script.text.contains(sink), "\(script.name) uses \(sink)")
            }
        }
    }
}
