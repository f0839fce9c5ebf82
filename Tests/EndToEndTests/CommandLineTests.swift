import Foundation
import JSON
import PostgresTestSupport
import Testing

/// The CLI, driven by running the real binary (STYLE: "the CLI by running the binary").
@Suite struct CommandLineTests {
    let domains = MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path

    @Test func helpListsEveryCommandAndEachCommandHasHelp() throws {
        let overview = try MeshregProcess.run(["--help"])
        #expect(overview.status == 0)
        for command in ["apply", "validate", "get", "list", "retire"] {
            #expect(overview.standardOutput.contains("  \(command) "))
            let help = try MeshregProcess.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.standardOutput.contains("USAGE: meshreg \(command)"))
        }
    }

    @Test func usageErrorsExitTwoWithAHint() throws {
        let unknown = try MeshregProcess.run(["apply", "x", "--dryrun"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("did you mean --dry-run?"))
        let command = try MeshregProcess.run(["aply"])
        #expect(command.status == 2)
        #expect(command.standardError.contains("meshreg --help"))
    }

    @Test func appliesTheShippedMeshAndQueriesIt() throws {
        let workspace = try Workspace()
        let database = try workspace.database("mesh.sqlite")
        let apply = try MeshregProcess.run(["apply", domains, "--db", database, "--format", "json"])
        #expect(apply.status == 0, "\(apply.standardError)")
        let results = try JSONParser.parse(apply.standardOutput)["results"]?.arrayValue ?? []
        #expect(results.filter { $0["kind"] == "domain" }.count == 6)
        #expect(results.filter { $0["kind"] == "product" }.count >= 12)
        #expect(results.allSatisfy { $0["change"] == "created" })

        let again = try MeshregProcess.run(["apply", domains, "--db", database])
        #expect(again.status == 0)
        #expect(again.standardError.contains("unchanged"))

        let list = try MeshregProcess.run(["list", "products", "--db", database, "--format", "json"])
        let items = try JSONParser.parse(list.standardOutput)["items"]?.arrayValue ?? []
        #expect(items.count == results.filter { $0["kind"] == "product" }.count)
        let id = try #require(items.first?["id"]?.stringValue)

        let get = try MeshregProcess.run(["get", "product", id, "--db", database, "--format", "json"])
        #expect(get.status == 0)
        #expect(try JSONParser.parse(get.standardOutput)["document"]?["id"]?.stringValue == id)

        let table = try MeshregProcess.run(["list", "domains", "--db", database])
        #expect(table.standardOutput.hasPrefix("DOMAIN"))
        #expect(table.standardOutput.contains("recommendations"))
    }

    @Test func brokenTreeReportsEveryProblemAndWritesNothing() throws {
        let workspace = try Workspace()
        let database = try workspace.database("broken.sqlite")
        _ = try workspace.write("tree/domain.yaml", "apiVersion: meshreg/v1\nkind: Domain\nname: sales\nteams:\n  - name: t\n    members:\n      - { username: a, role: owner }\n")
        _ = try workspace.write("tree/products/p.odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\nversion: '1.0'\nname: P\ndomain: sales\n")
        _ = try workspace.write("tree/products/q.odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: q\nstatus: [unclosed\n")
        let apply = try MeshregProcess.run(["apply", workspace.path("tree"), "--db", database])
        #expect(apply.status == 2)
        #expect(apply.standardError.contains("q.odps.yaml:4:"), "syntax error with line:column")
        #expect(apply.standardError.contains("p.odps.yaml:5:"), "registry rule with line:column")
        let list = try MeshregProcess.run(["list", "domains", "--db", database, "--format", "json"])
        #expect(try JSONParser.parse(list.standardOutput) == [], "nothing was written")
    }

    @Test func productListsShowDeprecatedProductsAndPorts() throws {
        let workspace = try Workspace()
        let database = try workspace.database("mesh.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", database]).status == 0)
        let list = try MeshregProcess.run(["list", "products", "--db", database, "--format", "json"])
        let items = try JSONParser.parse(list.standardOutput)["items"]?.arrayValue ?? []
        let deprecated = items.filter { $0["deprecated"] == true || $0["deprecatedPorts"]?.arrayValue?.isEmpty == false }
        #expect(deprecated.map { $0["id"] } == ["product-feed-legacy"])
        #expect(deprecated.first?["deprecatedPorts"] == ["nightly-feed@1.4.0"])
        #expect(items.count > 10)
        let table = try MeshregProcess.run(["list", "products", "--db", database, "--status", "deprecated"])
        #expect(table.standardOutput.contains("product, nightly-feed@1.4.0"))
    }

    @Test func validateExplainsProblemsOffline() throws {
        let workspace = try Workspace()
        let bad = try workspace.write("bad.odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: ../etc\nstatus: active\nunknownKey: 1\n")
        let result = try MeshregProcess.run(["validate", bad])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("bad.odps.yaml:3:5: /id:"))
        #expect(result.standardOutput.contains("/unknownKey"))
    }

    @Test(arguments: ["bad.odps.json", "bad.odps.yaml"])
    func validateSaysFileLineAndColumnInJSONToo(name: String) throws {
        let workspace = try Workspace()
        let bad = try workspace.write(name, """
            {
              "apiVersion": "v1.0.0",
              "kind": "DataProduct",
              "id": "../etc",
              "status": "active",
              "unknownKey": 1
            }
            """)
        let result = try MeshregProcess.run(["validate", bad])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("\(name):4:9: /id:"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("\(name):6:17: /unknownKey:"), "\(result.standardOutput)")
    }

    @Test func writesByNonMembersAreRefused() throws {
        let workspace = try Workspace()
        let database = try workspace.database("owned.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", database]).status == 0)
        let orders = MeshregProcess.repositoryRoot.appendingPathComponent("Domains/orders").path
        let refused = try MeshregProcess.run(["apply", orders, "--db", database, "--as", "mallory"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("[forbidden]"))
        #expect(refused.standardError.contains("mallory may not change"))
        let retire = try MeshregProcess.run(["retire", "product", "does-not-exist", "--db", database])
        #expect(retire.status == 2)
        #expect(retire.standardError.contains("no product does-not-exist"))
    }

    @Test(.enabled(if: TestEngine.isSQLite, "SQLite-only: a --db file that is not a SQLite database"))
    func foreignDatabaseIsRefusedNotCrashedOn() throws {
        let workspace = try Workspace()
        let path = try workspace.write("foreign.sqlite", String(repeating: "definitely not sqlite\n", count: 50))
        let result = try MeshregProcess.run(["list", "products", "--db", path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("is not a meshreg database"))
    }
}

/// `meshreg cel` prints one JSON object per evaluation, for policy authors.
@Suite struct CELCommandTests {
    @Test(arguments: [
        ("1 + 2 * 3", #"{"value":7,"type":"int"}"#),
        ("1u + 2u", #"{"value":3,"type":"uint"}"#),
        ("3.0 / 2.0", #"{"value":1.5,"type":"double"}"#),
        ("1.0 / 0.0", #"{"value":"Infinity","type":"double"}"#),
        (#"b"abc""#, #"{"value":"YWJj","type":"bytes"}"#),
        (#"duration("90m")"#, #"{"value":"5400s","type":"duration"}"#),
        (#"{"a": [1, null]}"#, #"{"value":{"a":[1,null]},"type":"map"}"#),
    ])
    func printsValueAndType(expression: String, expected: String) throws {
        let result = try MeshregProcess.run(["cel", expression])
        #expect(result.status == 0)
        #expect(result.standardOutput == expected + "\n")
    }

    @Test func errorsAreValuesAndParseFailuresExitTwo() throws {
        let overflow = try MeshregProcess.run(["cel", "9223372036854775807 + 1"])
        #expect(overflow.status == 0)
        #expect(overflow.standardOutput.contains(#""error":"#))
        let broken = try MeshregProcess.run(["cel", "1 +"])
        #expect(broken.status == 2)
        #expect(broken.standardOutput.hasPrefix(#"{"error":"1:4:"#))
    }

    @Test func anExpressionThatStartsWithADashGoesAfterTheDoubleDash() throws {
        let afterDoubleDash = try MeshregProcess.run(["cel", "--", "-1 + 2"])
        #expect(afterDoubleDash.status == 0)
        #expect(afterDoubleDash.standardOutput == #"{"value":1,"type":"int"}"# + "\n")
        let refused = try MeshregProcess.run(["cel", "-1 + 2"])
        #expect(refused.status == 2)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("unknown option '-1 + 2'; to pass a value that starts with '-', put it after '--'"))
    }

    @Test func bindsIntegersAsIntAndFractionsAsDouble() throws {
        let workspace = try Workspace()
        let vars = try workspace.write("vars.json", #"{"port": {"classification": "pii"}, "n": 2, "x": 2.5}"#)
        let result = try MeshregProcess.run(["cel", #"port.classification in ["pii"] && type(n) == int && type(x) == double"#, "--vars", vars])
        #expect(result.standardOutput == #"{"value":true,"type":"bool"}"# + "\n")
    }
}

/// `meshreg compat` explains every finding and exits 0, 1 or 2.
@Suite struct CompatCommandTests {
    /// Copies of the official and registry example documents, kept with the YAML reader's fixtures.
    let standards = MeshregProcess.repositoryRoot.appendingPathComponent("Tests/YAMLTests/Fixtures")

    @Test func explainsABreakingContractChange() throws {
        let result = try MeshregProcess.run([
            "compat", standards.appendingPathComponent("registry-example-v2-breaking.odcs.yaml").path,
            "--against", standards.appendingPathComponent("registry-example.odcs.yaml").path,
        ])
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("INCOMPATIBLE under BACKWARD"))
        #expect(result.standardOutput.contains("odcs.logical-type-changed"))
        #expect(result.standardOutput.contains("/schema/0/properties/1/logicalType"))
    }

    @Test func avroPromotionIsBackwardButNotForwardCompatible() throws {
        let workspace = try Workspace()
        let old = try workspace.write("v1.avsc", #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#)
        let new = try workspace.write("v2.avsc", #"{"type":"record","name":"R","fields":[{"name":"a","type":"long"}]}"#)
        #expect(try MeshregProcess.run(["compat", new, "--against", old]).status == 0)
        let forward = try MeshregProcess.run(["compat", new, "--against", old, "--mode", "forward", "--format", "json"])
        #expect(forward.status == 1)
        #expect(try JSONParser.parse(forward.standardOutput)["isCompatible"] == false)
        let invalid = try workspace.write("bad.avsc", #"{"type":"enum","name":"E","symbols":["A"],"default":"Z"}"#)
        #expect(try MeshregProcess.run(["compat", invalid, "--against", old]).status == 2)
        #expect(try MeshregProcess.run(["compat", new]).status == 2)
    }

    @Test func protobufFilesAreDetectedByExtensionAndCheckedUnderEveryMode() throws {
        let workspace = try Workspace()
        let old = try workspace.write("v1.proto", "syntax = \"proto3\";\nmessage Order { string id = 1; int32 quantity = 2; }\n")
        let new = try workspace.write("v2.proto", "syntax = \"proto3\";\nmessage Order { string id = 1; int64 quantity = 2; string note = 3; }\n")
        let breaking = try workspace.write("v3.proto", "syntax = \"proto3\";\nmessage Order { string id = 1; string quantity = 2; }\n")
        let compatible = try MeshregProcess.run(["compat", new, "--against", old, "--mode", "FULL"])
        #expect(compatible.status == 0, "\(compatible.standardError)")
        #expect(compatible.standardOutput.contains("protobuf.field-added"))
        let refused = try MeshregProcess.run(["compat", breaking, "--against", old, "--format", "json"])
        #expect(refused.status == 1)
        let report = try JSONParser.parse(refused.standardOutput)
        #expect(report["isCompatible"] == false)
        #expect(report["findings"]?.arrayValue?.contains { $0["rule"] == "protobuf.field-scalar-kind-changed" && $0["newPath"] == "/Order/2" } == true)
        let typed = try workspace.write("v3.txt", "syntax = \"proto3\";\nmessage Order { string id = 1; string quantity = 2; }\n")
        #expect(try MeshregProcess.run(["compat", typed, "--against", old, "--type", "protobuf"]).status == 1)
        let invalid = try workspace.write("bad.proto", "syntax = \"proto3\";\nmessage Order {\n  Missing m = 1;\n}\n")
        let error = try MeshregProcess.run(["compat", invalid, "--against", old])
        #expect(error.status == 2)
        #expect(error.standardError.contains("bad.proto:3:11:"), "\(error.standardError)")
    }

    @Test func aSchemaThatIsNotJSONIsRefusedWithFileLineAndColumn() throws {
        let workspace = try Workspace()
        let old = try workspace.write("v1.avsc", #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#)
        let trailingComma = try workspace.write("v2.avsc", "{\"type\": \"record\",\n \"name\": \"R\",\n \"fields\": [{\"name\": \"a\", \"type\": \"int\"},]}")
        let result = try MeshregProcess.run(["compat", trailingComma, "--against", old])
        #expect(result.status == 2)
        #expect(result.standardError.contains("v2.avsc:3:42: the document is not valid JSON"), "\(result.standardError)")
    }
}
