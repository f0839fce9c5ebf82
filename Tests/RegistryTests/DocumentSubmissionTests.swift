import JSON
import Registry
import Testing

/// Files are read as JSON or YAML by name and content; errors in either keep their `file:line:column`.
@Suite struct DocumentSubmissionTests {
    @Test(arguments: [
        ("schema.avsc", #"{"type": "int"}"#, DocumentSubmission.MediaType.json),
        ("product.JSON", #"{"kind": "DataProduct"}"#, .json),
        ("product.yaml", "\n  {\"kind\": \"DataProduct\"}", .json),
        ("list.yml", #"[1, 2]"#, .json),
        ("product.yaml", "kind: DataProduct", .yaml),
        ("product.yaml", "{kind: DataProduct}", .yaml),
        ("product.yaml", "# {\"kind\": 1}\nkind: DataProduct", .yaml),
    ])
    func readsJSONByNameOrByContentAndYAMLOtherwise(path: String, text: String, mediaType: DocumentSubmission.MediaType) throws {
        let submission = try DocumentSubmission.decode(Array(text.utf8), path: path)
        #expect(submission.mediaType == mediaType)
        #expect(submission.source == path)
    }

    @Test func aFlowMappingThatIsNotJSONIsReadAsYAML() throws {
        let submission = try DocumentSubmission.decode(Array("{kind: DataProduct, id: x}".utf8), path: "p.yaml")
        #expect(submission.json == ["kind": "DataProduct", "id": "x"])
        #expect(try DocumentSubmission.decode(Array(Self.trailingComma.utf8), path: "schema.yaml").mediaType == .yaml)
    }

    static let trailingComma = "{\"type\": \"record\",\n \"name\": \"R\",\n \"fields\": [{\"name\": \"a\", \"type\": \"int\"},]}"

    @Test(arguments: [
        ("bad.avsc", trailingComma, "bad.avsc:3:42: the document is not valid JSON"),
        ("bad.json", trailingComma, "bad.json:3:42: the document is not valid JSON"),
        ("bad.yaml", "{\"type\": \"record\",\n \"fields\": [1,\n", "bad.yaml:2:12: the document is not valid YAML"),
    ])
    func aSyntaxErrorSaysWhere(path: String, text: String, prefix: String) {
        #expect {
            try DocumentSubmission.decode(Array(text.utf8), path: path)
        } throws: { error in
            (error as? RegistryError)?.message.hasPrefix(prefix) == true
        }
    }

    @Test func aValidationErrorInAJSONDocumentSaysFileLineAndColumn() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract()])
        let product = try RegistryFixture.submission(Samples.product()).json
        guard case .object(var object) = product else { Issue.record("not an object"); return }
        object["version"] = "1.0"
        let text = JSONValue.object(object).encoded(.prettyPrinted)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(#""version": "1.0""#) }) + 1
        let column = try #require(lines[line - 1].firstRange(of: #""1.0""#)).lowerBound.utf16Offset(in: lines[line - 1]) + 1

        let submission = try DocumentSubmission.decode(Array(text.utf8), path: "product.json")
        let error = fixture.refusal { _ = try fixture.registry.apply([submission], actor: .localAdmin) }
        let issue = try #require(error?.issues.first { $0.issue.pointer == JSONPointer.root / "version" })
        #expect(issue.source == "product.json:\(line):\(column)")
    }
}
