import Foundation
import Testing

/// The web UI as `meshreg serve` serves it: the redirect, the sign-in form, and `--ui-anonymous-read`.
@Suite struct WebUIServeTests {
    @Test func pagesNeedASignInUnlessAnonymousReadIsOn() throws {
        let workspace = try Workspace()
        let closed = try ServerProcess(workspace: workspace, database: "closed.sqlite")
        let root = try closed.send("GET", "/")
        #expect(root.status == 303 && root.headers["location"] == "/ui/")
        #expect(try closed.send("GET", "/ui/").headers["location"] == "/ui/login")
        let login = try closed.send("GET", "/ui/login")
        #expect(login.status == 200 && login.body.contains(#"name="token""#))
        #expect(login.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
        let signedIn = try closed.send("POST", "/ui/login", contentType: "application/x-www-form-urlencoded", body: "token=\(closed.adminToken)")
        #expect(signedIn.status == 303 && signedIn.headers["set-cookie"]?.contains("HttpOnly") == true)
        #expect(try closed.send("GET", "/api/v1/products").status == 401)
        #expect(closed.stop() == 0)

        let open = try ServerProcess(workspace: workspace, database: "open.sqlite", extraArguments: ["--ui-anonymous-read"])
        let catalog = try open.send("GET", "/ui/")
        #expect(catalog.status == 200 && catalog.body.contains(#"data-page="catalog""#))
        #expect(try open.send("GET", "/api/v1/products").status == 200)
        #expect(try open.send("POST", "/api/v1/access-requests", contentType: "application/json", body: "{}").status == 401)
        #expect(open.stop() == 0)
    }
}
