import JSON
import MeshModel
import Registry
import Testing

/// `DocumentSubmission.upgradedText`: the upgrade's edits made in the file's own text.
@Suite struct DocumentUpgradeTextTests {
    static func upgraded(_ text: String, path: String, to target: String) throws -> String {
        let submission = try DocumentSubmission.decode(Array(text.utf8), path: path)
        return try submission.upgradedText(try StandardUpgrade(submission.json, to: target))
    }

    @Test(arguments: [
        ("apiVersion: v3.1.0\n", "apiVersion: v3.2.0\n"),
        ("apiVersion: \"v3.1.0\"  # quoted\n", "apiVersion: \"v3.2.0\"  # quoted\n"),
        ("apiVersion: 'v3.1.0'\n", "apiVersion: 'v3.2.0'\n"),
    ])
    func aYAMLVersionIsReplacedWhereItStandsWithItsQuoting(line: String, expected: String) throws {
        let text = "# a contract\n\(line)kind: DataContract\nid: orders.web\nversion: 1.0.0\n"
        #expect(try Self.upgraded(text, path: "c.odcs.yaml", to: "v3.2.0") == "# a contract\n\(expected)kind: DataContract\nid: orders.web\nversion: 1.0.0\n")
    }

    @Test func aFlowStyleYAMLDocumentKeepsItsStyle() throws {
        let text = "{apiVersion: v3.0.2, kind: DataContract, id: orders.web, version: 1.0.0}\n"
        #expect(try Self.upgraded(text, path: "c.odcs.yaml", to: "v3.2.0") == "{apiVersion: v3.2.0, kind: DataContract, id: orders.web, version: 1.0.0}\n")
    }

    @Test func aJSONProductWhoseKeysChangeIsWrittenAgainInItsKeyOrder() throws {
        let text = #"{"apiVersion": "v1.0.0", "kind": "DataProduct", "id": "p", "domain": "orders", "customProperties": [{"property": "productType", "value": "aggregate"}, {"property": "tier", "value": 1}]}"#
        let result = try JSONParser.parse(try Self.upgraded(text, path: "p.odps.json", to: "v1.1.0"))
        #expect(result.objectValue?.keys == ["apiVersion", "kind", "id", "domain", "type", "customProperties"])
        #expect(result["type"] == "aggregate")
        #expect(result["apiVersion"] == "v1.1.0")
        #expect(result["customProperties"] == [["property": "tier", "value": 1]])
    }

    @Test func aYAMLHintAmongOthersLosesOnlyItsOwnLines() throws {
        let text = """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p
            domain: orders
            customProperties:
              - property: tier
                value: gold
              - property: productType
                # the kind of product
                value: aggregate
              - property: owner-note
                value: keep
            tags: [a]

            """
        let expected = """
            apiVersion: v1.1.0
            kind: DataProduct
            id: p
            domain: orders
            type: aggregate
            customProperties:
              - property: tier
                value: gold
              - property: owner-note
                value: keep
            tags: [a]

            """
        #expect(try Self.upgraded(text, path: "p.odps.yaml", to: "v1.1.0") == expected)
    }

    @Test func aFlowStyleHintListIsLeftForAHandEdit() throws {
        let text = "apiVersion: v1.0.0\nkind: DataProduct\nid: p\ncustomProperties: [{property: productType, value: aggregate}]\n"
        #expect(throws: StandardUpgradeError.self) { try Self.upgraded(text, path: "p.odps.yaml", to: "v1.1.0") }
    }
}
