import Foundation
import JSON
import PostgresTestSupport
import Testing

/// Several `meshreg serve` processes on one PostgreSQL database (docs/ARCHITECTURE.md, "PostgreSQL"):
/// each takes reads and writes, writes are serialized across them, and a replica rides out a
/// database it cannot reach.
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct ReplicaTests {
    static let orderHistory = MeshregProcess.repositoryRoot.appendingPathComponent("Domains/orders/products/order-history.odps.yaml")

    @Test func twoReplicasShareWritesIfMatchAndOneAuditChain() throws {
        let workspace = try Workspace()
        let uri = try TemporaryPostgresCluster.shared().makeDatabase()
        let first = try ServerProcess(databasePath: uri, adminTokenPath: workspace.path("first.token"))
        let second = try ServerProcess(databasePath: uri, adminTokenPath: workspace.path("second.token"))
        defer { _ = first.stop(); _ = second.stop() }
        let token = first.adminToken
        #expect(token.hasPrefix("meshreg_"))
        #expect(second.adminToken.isEmpty, "the second replica finds the first's admin token and mints none")
        #expect(!(first.standardError + second.standardError).contains(uri), "the URI's password is never printed")

        let listed = try JSONParser.parse(second.send("GET", "/api/v1/products", token: token).body)
        #expect(listed["items"]?.arrayValue?.count == 13, "the mesh loaded once, through the first replica")

        let yaml = try String(contentsOf: Self.orderHistory, encoding: .utf8)
        let deprecated = yaml.replacingOccurrences(of: "status: active", with: "status: deprecated")
        let put = try first.send("PUT", "/api/v1/products/order-history", token: token, contentType: "application/yaml", body: deprecated)
        #expect(put.status == 200, "\(put.body)")
        let read = try second.send("GET", "/api/v1/products/order-history", token: token)
        #expect(try JSONParser.parse(read.body)["document"]?["status"] == "deprecated", "a write on one replica is read on the other")
        #expect(read.headers["etag"] == "\"2\"")

        let stale = try second.send("PUT", "/api/v1/products/order-history", token: token, contentType: "application/yaml",
                                    headers: [("If-Match", "\"1\"")], body: yaml)
        #expect(stale.status == 412, "If-Match names a revision the other replica replaced: \(stale.body)")

        // Writes from both replicas at once: every one is kept, in one unbroken audit chain.
        let replicas = [first, second]
        let statuses = ManagedStatuses()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let status = index % 2 == 0 ? "active" : "deprecated"
            let body = yaml.replacingOccurrences(of: "status: active", with: "status: \(status)")
            let answer = try? replicas[index % 2].send("PUT", "/api/v1/products/order-history", token: token, contentType: "application/yaml", body: body)
            statuses.append(answer?.status ?? 0)
        }
        #expect(statuses.values.count == 16)
        #expect(statuses.values.allSatisfy { $0 == 200 }, "\(statuses.values)")
        let revisions = try JSONParser.parse(first.send("GET", "/api/v1/products/order-history/revisions", token: token).body)
        let numbers = revisions["items"]?.arrayValue?.compactMap { $0["revision"]?.integerValue } ?? []
        #expect(numbers == Array(1...Int64(numbers.count)), "revision numbers have no gap and no duplicate")
        #expect(numbers.count >= 3)
        let verify = try MeshregProcess.run(["audit", "verify", "--db", uri])
        #expect(verify.status == 0, "\(verify.standardOutput) \(verify.standardError)")
    }

    @Test func aReplicaAnswers503WhileTheDatabaseIsUnreachableAndRecoversByItself() throws {
        let workspace = try Workspace()
        let cluster = try TemporaryPostgresCluster.shared()
        let uri = try cluster.makeDatabase()
        let name = try #require(uri.split(separator: "/").last?.split(separator: "?").first.map(String.init))
        let server = try ServerProcess(databasePath: uri, adminTokenPath: workspace.path("admin.token"))
        defer { _ = server.stop() }
        let token = server.adminToken
        #expect(try server.send("GET", "/readyz").status == 200)

        try cluster.psql("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
        try cluster.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        let ready = try server.send("GET", "/readyz")
        #expect(ready.status == 503)
        let write = try server.send("DELETE", "/api/v1/products/order-history", token: token)
        #expect(write.status == 503, "\(write.body)")
        #expect(write.headers["retry-after"] == "1")
        #expect(!write.body.contains(uri) && !write.body.contains("postgres"), "the answer names nothing internal: \(write.body)")

        try cluster.psql("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
        #expect(try server.send("GET", "/readyz").status == 200, "the replica reconnects by itself")
        let list = try server.send("GET", "/api/v1/products", token: token)
        #expect(list.status == 200)
    }

    /// Writes from four clients on two replicas while PostgreSQL refuses every connection for a
    /// while and then one replica is killed with SIGKILL: each answer is 200 or 503 (a killed
    /// replica's clients see their connection refused), none hangs, and every acknowledged write
    /// is stored, in an audit chain that verifies.
    @Test func writesThroughAnOutageAndAKilledReplicaLoseNothingAcknowledged() throws {
        let workspace = try Workspace()
        let cluster = try TemporaryPostgresCluster.shared()
        let uri = try cluster.makeDatabase()
        let name = try #require(uri.split(separator: "/").last?.split(separator: "?").first.map(String.init))
        let survivor = try ServerProcess(databasePath: uri, adminTokenPath: workspace.path("survivor.token"))
        let victim = try ServerProcess(databasePath: uri, adminTokenPath: workspace.path("victim.token"))
        defer { _ = survivor.stop(); _ = victim.stop() }
        let token = survivor.adminToken
        let yaml = try String(contentsOf: Self.orderHistory, encoding: .utf8)
        let outcomes = ManagedStatuses()
        let start = Date()
        let group = DispatchGroup()
        for client in 0..<4 {
            DispatchQueue.global().async(group: group) {
                var round = 0
                while Date().timeIntervalSince(start) < 5 {
                    round += 1
                    let body = yaml.replacingOccurrences(of: "name: Order History", with: "name: Order History \(client)-\(round)")
                    let replica = client % 2 == 0 ? survivor : victim
                    let answer = try? replica.send("PUT", "/api/v1/products/order-history", token: token, contentType: "application/yaml", body: body)
                    outcomes.append(answer?.status ?? -1)
                    if answer == nil { usleep(50_000) }
                }
            }
        }
        Thread.sleep(forTimeInterval: 1)
        try cluster.psql("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
        try cluster.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        Thread.sleep(forTimeInterval: 1.5)
        try cluster.psql("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
        Thread.sleep(forTimeInterval: 0.5)
        kill(victim.process.processIdentifier, SIGKILL)
        group.wait()

        let statuses = outcomes.values
        let acknowledged = statuses.filter { $0 == 200 }.count
        #expect(statuses.allSatisfy { [200, 503, -1].contains($0) }, "\(Set(statuses))")
        #expect(statuses.contains(503), "the outage was seen as 503")
        #expect(acknowledged >= 20, "writes went through before and after the outage: \(acknowledged)")
        let revisions = try JSONParser.parse(survivor.send("GET", "/api/v1/products/order-history/revisions", token: token).body)
        let stored = revisions["items"]?.arrayValue?.count ?? 0
        #expect(stored >= 1 + acknowledged, "every acknowledged write is stored (\(stored) revisions, \(acknowledged) acknowledged)")
        let verify = try MeshregProcess.run(["audit", "verify", "--db", uri])
        #expect(verify.status == 0, "\(verify.standardOutput) \(verify.standardError)")
    }
}

/// Statuses collected from concurrent requests. `@unchecked Sendable`: `collected` is guarded by `lock`.
private final class ManagedStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Int] = []
    var values: [Int] { lock.withLock { collected } }
    func append(_ status: Int) { lock.withLock { collected.append(status) } }
}
