import Foundation
import HTTPProtocol
import JSON
import Testing

/// The catalog's search: text in tags and owners too, and the classification filter, checked
/// against what the shipped products' documents say.
@Suite struct CatalogSearchTests {
    private func ids(_ fixture: APIFixture, _ query: String) -> Set<String> {
        let page = fixture.send(.get, "/api/v1/products?limit=1000&\(query)", token: fixture.adminToken)
        return Set((page.json["items"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
    }

    private func documents(_ fixture: APIFixture) -> [JSONValue] {
        ids(fixture, "").map { fixture.send(.get, "/api/v1/products/\($0)", token: fixture.adminToken).json["document"] ?? .null }
    }

    @Test func textFindsTagsAndOwnersAsWellAsNamesAndPurposes() throws {
        let fixture = try APIFixture()
        let all = documents(fixture)
        #expect(all.count >= 10)
        let tag = "real-time"
        let tagged = Set(all.filter { ($0["tags"]?.arrayValue ?? []).contains(.string(tag)) }.compactMap { $0["id"]?.stringValue })
        #expect(!tagged.isEmpty)
        #expect(tagged.isSubset(of: ids(fixture, "q=\(tag)")))
        let owner = "david.kim"
        let owned = Set(all.filter { document in
            (document["team"]?["members"]?.arrayValue ?? []).contains { $0["username"] == .string(owner) && $0["role"]?.stringValue?.lowercased() == "owner" }
        }.compactMap { $0["id"]?.stringValue })
        #expect(owned.count >= 2)
        #expect(ids(fixture, "q=\(owner)") == owned, "no name or purpose mentions the owner, so exactly the products they own")
        #expect(ids(fixture, "q=DAVID.KIM") == owned, "case does not matter")
    }

    @Test func classificationFiltersByTheOutputPortsClassifications() throws {
        let fixture = try APIFixture()
        let all = documents(fixture)
        func classifications(_ document: JSONValue) -> Set<String> {
            Set((document["outputPorts"]?.arrayValue ?? []).compactMap { port in
                port["customProperties"]?.arrayValue?.first { $0["property"] == "classification" }?["value"]?.stringValue?.lowercased()
            })
        }
        var checked = 0
        for classification in ["public", "internal", "restricted", "pii"] {
            let expected = Set(all.filter { classifications($0).contains(classification) }.compactMap { $0["id"]?.stringValue })
            #expect(ids(fixture, "classification=\(classification)") == expected, "\(classification)")
            checked += expected.count
        }
        #expect(checked >= 5, "the shipped mesh classifies at least five products' ports")
        #expect(ids(fixture, "classification=intern").isEmpty, "a classification matches whole, not as a prefix")
    }
}
