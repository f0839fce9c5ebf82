import Foundation
@testable import Postgres
import PostgresTestSupport
import SQL
import Synchronization
import Testing

/// Writes on PostgreSQL are group-committed under the write lock: concurrent writes share one
/// transaction, each still succeeds or fails on its own, and what a write reads under the lock no
/// other write, of this process or another, changes before it commits.
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct PostgresGroupCommitTests {
    let uri: String

    init() throws {
        uri = try TemporaryPostgresCluster.shared().makeDatabase()
        let setup = try PostgresConnection(uri: uri)
        try setup.execute("CREATE TABLE labels (label text PRIMARY KEY); CREATE TABLE chain (position bigint PRIMARY KEY, writer text NOT NULL)")
    }

    private func database(afterCommit: (@Sendable () -> Void)? = nil) throws -> PostgresDatabase {
        try PostgresDatabase(uri: uri, maximumConnections: 4, writeLockKey: 42, afterCommit: afterCommit)
    }

    private func labels(in database: PostgresDatabase) throws -> Set<String> {
        Set(try database.read { db in try db.query("SELECT label FROM labels") }.compactMap { $0.string("label") })
    }

    @Test func concurrentWritesShareCommitsAndKeepExactlyTheirOwnWork() throws {
        let commits = Mutex(0)
        let database = try database(afterCommit: { commits.withLock { $0 += 1 } })
        let threads = 8
        let perThread = 30
        let outcomes = Mutex<[String: Bool]>([:])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                let label = "t\(thread)-\(index)"
                let returned = try? database.write { db in
                    try db.run("INSERT INTO labels (label) VALUES (?)", [label])
                    // Every third write fails after its insert: a duplicate key, which PostgreSQL
                    // answers by aborting the write's savepoint, not the batch.
                    if index % 3 == 0 { try db.run("INSERT INTO labels (label) VALUES (?)", [label]) }
                    return label
                }
                if let returned { #expect(returned == label) }
                outcomes.withLock { $0[label] = returned != nil }
            }
        }
        let kept = Set(outcomes.withLock { $0.filter(\.value).keys })
        #expect(kept.count == threads * (perThread - perThread / 3))
        #expect(try labels(in: database) == kept)
        let transactions = commits.withLock { $0 }
        #expect(transactions < threads * perThread * 3 / 4, "writes shared transactions: \(transactions) commits for \(threads * perThread) writes")
    }

    /// What the audit chain, revisions and subject versions rely on: a value read under the lock
    /// (here the chain's last position) stays the last until the write commits, across batches of
    /// two processes' pools.
    @Test func readThenWriteUnderTheLockLeavesNoGapsAcrossTwoReplicas() throws {
        let replicas = [try database(), try database()]
        let writesPerThread = 25
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            let replica = replicas[thread % 2]
            for _ in 0..<writesPerThread {
                _ = try? replica.write { db in
                    let last = try db.query("SELECT coalesce(max(position), 0) AS last FROM chain").first?.integer("last") ?? 0
                    try db.run("INSERT INTO chain (position, writer) VALUES (?, ?)", [last + 1, "replica-\(thread % 2)"])
                }
            }
        }
        let positions = try replicas[0].read { db in try db.query("SELECT position FROM chain ORDER BY position") }.compactMap { $0.integer("position") }
        #expect(positions == Array(1...Int64(8 * writesPerThread)))
    }

    @Test func aBatchWhoseConnectionDiesFailsEveryWriteInIt() throws {
        let database = try database()
        let leaderRunning = DispatchSemaphore(value: 0)
        let releaseLeader = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let results = Mutex<[String: Bool]>([:])
        func write(_ label: String, _ body: @escaping @Sendable (any SQLConnection) throws -> Void) {
            DispatchQueue.global().async(group: group) {
                let stored = (try? database.write { db in
                    try db.run("INSERT INTO labels (label) VALUES (?)", [label])
                    try body(db)
                    return true
                }) ?? false
                results.withLock { $0[label] = stored }
            }
        }
        func waitForQueue(_ count: Int) {
            while database.queuedWriteCount < count { usleep(1_000) }
        }
        // The first write leads a batch of its own and holds it until the next two are queued.
        write("leader") { _ in
            leaderRunning.signal()
            releaseLeader.wait()
        }
        leaderRunning.wait()
        write("innocent") { _ in }
        waitForQueue(1)
        write("culprit") { db in try db.query("SELECT pg_terminate_backend(pg_backend_pid())") }
        waitForQueue(2)
        releaseLeader.signal()
        group.wait()

        #expect(results.withLock { $0 } == ["leader": true, "innocent": false, "culprit": false])
        #expect(try labels(in: database) == ["leader"])
        try database.write { db in try db.run("INSERT INTO labels (label) VALUES (?)", ["after"]) }
        #expect(try labels(in: database) == ["leader", "after"], "the pool reconnects for the next batch")
    }
}
