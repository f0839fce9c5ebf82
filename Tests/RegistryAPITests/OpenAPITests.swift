import Foundation
import JSON
import Testing
@testable import RegistryAPI

/// The served OpenAPI document and the router's route table must describe the same API.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws {
        let fixture = try APIFixture()
        let document = try JSONParser.parse(OpenAPIDocument.text)
        let paths = try #require(document["paths"]?.objectValue)
        let documented = Set(paths.flatMap { path, item in
            (item.objectValue?.keys ?? []).filter { $0 != "parameters" }.map { "\($0.uppercased()) \(path)" }
        })
        let routed = Set(fixture.api.router.routes.map { "\($0.method.rawValue) \($0.template)" })
        #expect(routed.subtracting(documented).isEmpty, "routes missing from openapi.json: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
    }

    @Test func openRoutesAreDocumentedAsNeedingNoSecurity() throws {
        let fixture = try APIFixture()
        let document = try JSONParser.parse(OpenAPIDocument.text)
        for route in fixture.api.router.routes {
            let operation = document["paths"]?[route.template]?[route.method.rawValue.lowercased()]
            #expect((operation?["security"] == []) == !route.requiresAuthentication, "\(route.method) \(route.template)")
        }
    }

    @Test func servedDocumentIsTheCommittedOpenAPIFile() throws {
        let file = APIFixture.repositoryRoot.appendingPathComponent("docs/openapi.json")
        let committed = try JSONParser.parse(Array(try Data(contentsOf: file)))
        #expect(try JSONParser.parse(OpenAPIDocument.text) == committed, "run python3 docs/make-openapi.py and commit both files")
    }
}
