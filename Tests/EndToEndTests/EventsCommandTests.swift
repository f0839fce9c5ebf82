import Foundation
import HTTPTestClient
import JSON
import Testing

/// `meshreg events tail`, run as the real binary, on the file and against a running service.
@Suite struct EventsCommandTests {
    let domains = MeshregProcess.repositoryRoot.appendingPathComponent("Domains").path

    @Test func tailPrintsEventsAfterAPositionFilteredByType() throws {
        let workspace = try Workspace()
        let database = try workspace.database("mesh.sqlite")
        #expect(try MeshregProcess.run(["apply", domains, "--db", database]).status == 0)
        let all = try MeshregProcess.run(["events", "tail", "--db", database, "--format", "json"])
        #expect(all.status == 0, "\(all.standardError)")
        let events = all.standardOutput.split(separator: "\n").map { (try? JSONParser.parse(String($0))) ?? .null }
        #expect(events.count > 10)
        #expect(events.map { $0["sequence"]?.stringValue } == (1...events.count).map { String($0) })
        #expect(events.allSatisfy { $0["specversion"] == "1.0" })

        let domainsOnly = try MeshregProcess.run(["events", "tail", "--db", database, "--after", "0", "--type", "domain.applied"])
        let lines = domainsOnly.standardOutput.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.contains("  domain.applied  ") && $0.hasSuffix("  local-admin") })

        let later = try MeshregProcess.run(["events", "tail", "--db", database, "--after", String(events.count - 2)])
        #expect(later.standardOutput.split(separator: "\n").count == 2)
        #expect(try MeshregProcess.run(["events", "tail", "--db", database, "--after", "x"]).status == 2)
    }

    @Test func tailReadsARunningServiceAndFollowsIt() throws {
        let workspace = try Workspace()
        let server = try ServerProcess(workspace: workspace, database: "served.sqlite")
        defer { _ = server.stop() }
        let url = "http://127.0.0.1:\(server.port)"
        let once = try MeshregProcess.run(["events", "tail", "--server", url, "--token", server.adminToken, "--type", "domain.applied"])
        #expect(once.status == 0, "\(once.standardError)")
        #expect(once.standardOutput.split(separator: "\n").count == 6)

        let follower = Process()
        follower.executableURL = MeshregProcess.executable
        follower.arguments = ["events", "tail", "--server", url, "--token", server.adminToken, "--after", "0", "--type", "global-config.changed", "--follow", "--format", "json"]
        let output = Pipe()
        follower.standardOutput = output
        follower.standardError = FileHandle.nullDevice
        try follower.run()
        defer { if follower.isRunning { follower.terminate() } }
        // Should the event never come, stop waiting: the empty read then fails the test.
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { if follower.isRunning { follower.terminate() } }
        let change = try server.send("PUT", "/apis/ccompat/v7/config", token: server.adminToken,
                                     contentType: "application/vnd.schemaregistry.v1+json", body: #"{"compatibility": "FULL"}"#)
        #expect(change.status == 200)
        let line = output.readSome()
        let event = try JSONParser.parse(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(event["type"] == "io.meshreg.global-config.changed.v1")
        #expect(event["data"]?["compatibility"] == "FULL")
    }
}
