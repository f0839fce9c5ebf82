import HTTPProtocol
@testable import RegistryAPI
import Testing

/// The route table's matching rules, on a table made for them: segments split before decoding,
/// table order deciding between templates that both fit, 405 with the methods that fit.
@Suite struct RouterTests {
    static let router = Router([
        route(.get, "/"),
        route(.get, "/healthz"),
        route(.get, "/api/v1/products"),
        route(.get, "/api/v1/products/{id}"),
        route(.put, "/api/v1/products/{id}"),
        route(.get, "/api/v1/products/{id}/revisions/{revision}"),
        route(.get, "/api/v1/items/{id}"),
        route(.get, "/api/v1/items/search"),
        route(.post, "/api/v1/items/search"),
        route(.get, "/api/v1/{kind}/count"),
        route(.get, "/api/v1/lineage/{a}/{b}/{c}"),
    ])

    static func route(_ method: HTTPMethod, _ template: String) -> Route {
        Route(method, template) { _ in HTTPResponse(status: .ok) }
    }

    /// The template and parameters found, or what the router said instead.
    static func matched(_ method: HTTPMethod, _ path: Substring) -> String {
        switch router.match(method, rawPath: path) {
        case .found(let route, let parameters):
            return ([route.template] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        case .methodNotAllowed(let allowed):
            return "405 " + allowed.map(\.rawValue).joined(separator: ",")
        case .notFound:
            return "404"
        }
    }

    @Test(arguments: [
        ("/", "/"),
        ("/healthz", "/healthz"),
        ("/healthz/", "/healthz"),
        ("/api/v1/products", "/api/v1/products"),
        ("/api/v1/products/", "/api/v1/products"),
        ("/api/v1/products/order-history", "/api/v1/products/{id} id=order-history"),
        ("/api/v1/products/order-history/", "/api/v1/products/{id} id=order-history"),
        ("/api/v1/products/a/revisions/3", "/api/v1/products/{id}/revisions/{revision} id=a revision=3"),
        // An encoded `/` stays inside its segment, decoded only once the segment is matched.
        ("/api/v1/products/a%2Fb", "/api/v1/products/{id} id=a/b"),
        ("/api/v1/products/caf%C3%A9", "/api/v1/products/{id} id=café"),
        // A literal written with escapes is the same literal.
        ("/api/v1/pro%64ucts/x", "/api/v1/products/{id} id=x"),
        ("/%61pi/v1/products", "/api/v1/products"),
        // Both templates fit: the one listed first wins, whichever has the literal.
        ("/api/v1/items/search", "/api/v1/items/{id} id=search"),
        ("/api/v1/products/count", "/api/v1/products/{id} id=count"),
        ("/api/v1/things/count", "/api/v1/{kind}/count kind=things"),
        ("/api/v1/lineage/x/y/z", "/api/v1/lineage/{a}/{b}/{c} a=x b=y c=z"),
        // An escaped segment that both a parameter and a literal fit: still the first listed.
        ("/api/v1/items/se%61rch", "/api/v1/items/{id} id=search"),
        // The trailing `/` of `//` is ignored, leaving `/`.
        ("//", "/"),
    ] as [(Substring, String)])
    func pathsFindTheirRoute(path: Substring, expected: String) {
        #expect(Self.matched(.get, path) == expected)
    }

    @Test(arguments: [
        "/nowhere", "/api/v1/products/a/b", "/api/v1/products//revisions/3", "/api/v1/products/a/revisions/",
        "/api//products", "api/v1/products", "", "*", "/api/v1/products/a%2Fb/revisions",
    ] as [Substring])
    func pathsWithoutARouteAreNotFound(path: Substring) {
        #expect(Self.matched(.get, path) == "404")
    }

    @Test func anotherMethodOnAnExistingPathIsRefusedWithTheMethodsThatFit() {
        #expect(Self.matched(.delete, "/api/v1/products/x") == "405 GET,PUT,HEAD")
        // Every template that fits counts, not only the first; each method once.
        #expect(Self.matched(.delete, "/api/v1/items/search") == "405 GET,POST,HEAD")
        #expect(Self.matched(.post, "/api/v1/items/search") == "/api/v1/items/search")
        #expect(Self.matched(.put, "/healthz") == "405 GET,HEAD")
    }

    @Test func headIsServedByGetRoutes() {
        #expect(Self.matched(.head, "/api/v1/products/x") == "/api/v1/products/{id} id=x")
        #expect(Self.matched(.head, "/api/v1/nothing") == "404")
    }

    @Test func aQueryOrFragmentIsNotPartOfThePath() {
        let request = HTTPRequest(head: HTTPRequestHead(method: .get, target: "/api/v1/products/x?view=full#top", headers: HTTPHeaders()))
        #expect(Self.matched(.get, request.rawPath) == "/api/v1/products/{id} id=x")
    }

    /// Every route of the real API and web UI is found by its own template, with its parameters filled in.
    @Test func everyRouteOfTheAPIIsFoundByItsTemplate() throws {
        let fixture = try APIFixture()
        let checked = Self.routesFoundByTheirTemplate(fixture.api.router) + Self.routesFoundByTheirTemplate(fixture.api.uiRouter)
        #expect(checked >= 60, "only \(checked) routes were found by their own template")
    }

    /// How many of the router's routes a path made from their template finds.
    static func routesFoundByTheirTemplate(_ router: Router) -> Int {
        var checked = 0
        for (index, route) in router.routes.enumerated() {
            let path = route.template.replacing(/\{([^}]+)\}/) { "v-\($0.output.1)" }
            guard case .found(let found, let parameters) = router.match(route.method, rawPath: Substring(path)) else {
                Issue.record("\(route.method) \(route.template) not found")
                continue
            }
            // A route listed earlier may take the path first; then it must fit as well.
            let first = router.routes.firstIndex { $0.method == route.method && $0.template == found.template }
            #expect(first! <= index, "\(route.template) answered by \(found.template)")
            if found.template == route.template {
                for case .parameter(let name) in route.segments { #expect(parameters[name] == "v-\(name)") }
                checked += 1
            }
        }
        return checked
    }
}
