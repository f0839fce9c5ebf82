import Foundation
import HTTPTestClient
import JSON
import PostgresTestSupport
import Testing

/// `meshreg serve` as a user runs it: a real process on a real port.
@Suite struct ServeTests {
    @Test func servesTheShippedMeshWithTokensAndStopsGracefully() throws {
        let workspace = try Workspace()
        let server = try ServerProcess(workspace: workspace, database: "served.sqlite")
        let token = server.adminToken
        #expect(token.hasPrefix("meshreg_"))
        let attributes = try FileManager.default.attributesOfItem(atPath: server.adminTokenPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        #expect(try server.send("GET", "/healthz").status == 200)
        #expect(try server.send("GET", "/api/v1/products").status == 401)
        let list = try server.send("GET", "/api/v1/products", token: token)
        #expect(list.status == 200)
        #expect(try JSONParser.parse(list.body)["items"]?.arrayValue?.count == 13)

        let file = MeshregProcess.repositoryRoot.appendingPathComponent("Domains/orders/products/order-history.odps.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "status: active", with: "status: deprecated")
        let put = try server.send("PUT", "/api/v1/products/order-history", token: token, contentType: "application/yaml", body: yaml)
        #expect(put.status == 200, "\(put.body)")
        #expect(put.headers["etag"] == "\"2\"")
        let requestID = try #require(put.headers["x-request-id"])

        #expect(server.stop() == 0)
        let log = server.standardError
        #expect(log.split(separator: "\n").contains { $0.contains("PUT /api/v1/products/{id} 200") && $0.hasSuffix(" admin \(requestID)") },
                "the access log names the request by the id its answer carried")
        #expect(log.components(separatedBy: token).count == 2, "the token is printed once at first start, never in the access log")
        #expect(log.contains("meshreg stopped"))

        let restarted = try ServerProcess(workspace: workspace, database: "served.sqlite")
        #expect(restarted.adminToken == token, "an existing admin token is not replaced")
        let product = try restarted.send("GET", "/api/v1/products/order-history", token: token)
        #expect(try JSONParser.parse(product.body)["document"]?["status"] == "deprecated", "acknowledged writes survive a restart")
        #expect(!restarted.standardError.contains("admin token"))
        #expect(restarted.stop() == 0)
    }

    /// A SIGTERM that arrives while `serve` is still loading the mesh is neither lost nor fatal: it
    /// waits, blocked, until the server listens, and then stops it gracefully.
    @Test func aSIGTERMDuringStartUpStopsTheServerGracefullyOnceItListens() throws {
        let workspace = try Workspace()
        let process = Process()
        process.executableURL = MeshregProcess.executable
        process.arguments = ["serve", "--db", try workspace.database("early.sqlite"), "--port", "0",
                             "--domains", MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        var printed = ""
        while !printed.contains("loaded ") {
            let data = errors.readSome()
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        #expect(printed.contains("loaded "), "serve printed: \(printed)")
        #expect(!printed.contains("listening on"))
        kill(process.processIdentifier, SIGTERM)
        printed += String(decoding: errors.readAll(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("listening on") && printed.hasSuffix("meshreg stopped\n"), "\(printed)")
    }

    @Test func accessFlowOverARealSocket() throws {
        let workspace = try Workspace()
        let database = try workspace.database("access.sqlite")
        let server = try ServerProcess(workspace: workspace, database: "access.sqlite", extraArguments: ["--policies", MeshregProcess.repositoryRoot.appendingPathComponent("Policies").path])
        let marketing = try MeshregProcess.run(["token", "issue", "--user", "sam.lee", "--db", database]).standardOutput.trimmingCharacters(in: .newlines)
        let owner = try MeshregProcess.run(["token", "issue", "--user", "alice.nguyen", "--db", database]).standardOutput.trimmingCharacters(in: .newlines)
        let json = "application/json"
        let refused = try server.send("POST", "/api/v1/access-requests", token: marketing, contentType: json,
                                      body: #"{"product": "customer-profiles", "port": "profiles", "team": "campaign-analytics", "purpose": "stuff"}"#)
        #expect(refused.status == 422)
        let created = try server.send("POST", "/api/v1/access-requests", token: marketing, contentType: json, body: #"""
            {"product": "customer-profiles", "port": "profiles", "team": "campaign-analytics",
             "purpose": "Consented e-mail audiences for the winter campaign", "expires": "2099-12-31"}
            """#)
        #expect(created.status == 201)
        let id = try #require(JSONParser.parse(created.body)["id"]?.stringValue)
        #expect(try server.send("POST", "/api/v1/access-requests/\(id)/approve", token: marketing).status == 403)
        let approved = try server.send("POST", "/api/v1/access-requests/\(id)/approve", token: owner)
        #expect(try JSONParser.parse(approved.body)["status"] == "approved")
        let lineage = try server.send("GET", "/api/v1/lineage/customer-profiles?direction=downstream&depth=2", token: owner)
        #expect(lineage.body.contains("campaign-analytics"), "the grant is an edge of the lineage graph")
        #expect(try server.send("POST", "/api/v1/access-requests/\(id)/revoke", token: owner).status == 200)
        #expect(server.stop() == 0)
    }

    @Test func tokenCommandPrintsOnlyTheTokenAndStoresItHashed() throws {
        let workspace = try Workspace()
        let database = try workspace.database("tokens.sqlite")
        #expect(try MeshregProcess.run(["apply", MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path, "--db", database]).status == 0)
        let issued = try MeshregProcess.run(["token", "issue", "--user", "david.kim", "--db", database])
        #expect(issued.status == 0)
        let token = issued.standardOutput.trimmingCharacters(in: .newlines)
        #expect(token.hasPrefix("meshreg_") && !token.contains(" ") && !token.contains("\n"))
        let dump = try MeshregProcess.run(["token", "list", "--db", database, "--format", "json"])
        #expect(!dump.standardOutput.contains(token))
        let stored = try TestEngine.connect(database).query("SELECT * FROM tokens")
        #expect(stored.count == 1)
        #expect(!stored.flatMap(\.values).contains { "\($0)".contains(token) }, "only the hash is stored")
        if TestEngine.isSQLite {
            let contents = try Data(contentsOf: URL(fileURLWithPath: database))
            #expect(contents.range(of: Data(token.utf8)) == nil, "nor anywhere else in the file")
        }
        let id = try #require(JSONParser.parse(dump.standardOutput)[0]?["id"]?.stringValue)
        #expect(try MeshregProcess.run(["token", "revoke", id, "--db", database]).status == 0)
        #expect(try MeshregProcess.run(["token", "issue", "--db", database]).status == 2)
    }

    @Test func connectionsPastMaxConnectionsGet503WhileTheOpenOneIsServed() throws {
        let workspace = try Workspace()
        let server = try ServerProcess(workspace: workspace, database: "cap.sqlite", extraArguments: ["--max-connections", "1"])
        let held = try TestClient(port: server.port)
        held.write("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(held.readResponse()?.status == 200)
        let refused = try TestClient(port: server.port)
        #expect(refused.readResponse()?.status == 503)
        #expect(refused.isClosedByServer(within: 2000))
        held.write("GET /healthz HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(held.readResponse()?.status == 200)
        #expect(server.stop() == 0)
    }

    @Test func aConnectionCapAboveTheOpenFileLimitIsLoweredWithANote() throws {
        let workspace = try Workspace()
        let server = try ServerProcess(workspace: workspace, database: "limit.sqlite", extraArguments: ["--max-connections", "100000000"])
        #expect(try server.send("GET", "/healthz").status == 200)
        #expect(server.stop() == 0)
        let note = try #require(server.standardError.split(separator: "\n").first { $0.contains("serving at most") })
        #expect(note.contains("not 100000000: the open-file limit is"))
        let invalid = try MeshregProcess.run(["serve", "--db", workspace.path("invalid.sqlite"), "--port", "0", "--max-connections", "none"])
        #expect(invalid.status == 2)
        #expect(invalid.standardError.contains("--max-connections must be a whole number above 0"))
        let idle = try MeshregProcess.run(["serve", "--db", workspace.path("invalid.sqlite"), "--port", "0", "--idle-timeout", "0"])
        #expect(idle.status == 2)
        #expect(idle.standardError.contains("--idle-timeout must be whole seconds from 1 to 86400"))
    }

    @Test func tlsOptionsAreCheckedBeforeServing() throws {
        let workspace = try Workspace()
        let database = workspace.path("tls.sqlite")
        let missing = workspace.path("missing.pem")
        let alone = try MeshregProcess.run(["serve", "--db", database, "--port", "0", "--tls-cert", missing])
        #expect(alone.status == 2)
        #expect(alone.standardError.contains("--tls-cert needs --tls-key"))
        let unreadable = try MeshregProcess.run(["serve", "--db", database, "--port", "0", "--tls-cert", missing, "--tls-key", missing])
        #expect(unreadable.status == 2)
        #expect(unreadable.standardError.contains("cannot serve HTTPS: cannot read the certificate file \(missing): No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: database + ".admin-token"))
    }

    /// A log collector that stops reading stderr must not stop the server: answers made on the
    /// event loop and by workers keep coming while the access log queues (and, past its bound,
    /// counts) what it cannot write, and everything queued is written once stderr is read again.
    @Test func aStderrNobodyReadsDoesNotStopTheServer() throws {
        let workspace = try Workspace()
        let server = try ServerProcess(databasePath: workspace.path("stalled.sqlite"), leavesStandardErrorUnread: true)
        let token = server.adminToken
        let client = try TestClient(port: server.port)
        // About 70 bytes a line: 3,000 lines are three times what a 64 KiB pipe holds.
        var answered = 0
        for index in 0..<3_000 {
            let path = index % 10 == 0 ? "/api/v1/products/order-history" : "/healthz"
            client.write("GET \(path) HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer \(token)\r\n\r\n")
            guard client.readResponse()?.status == 200 else { break }
            answered += 1
        }
        #expect(answered == 3_000, "the server stopped answering after \(answered) requests")
        server.readStandardError()
        #expect(server.stop() == 0)
        let lines = server.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains(" GET /healthz 200 ") }.count == 2_700)
        #expect(lines.filter { $0.contains(" GET /api/v1/products/{id} 200 ") }.count == 300)
    }
}
