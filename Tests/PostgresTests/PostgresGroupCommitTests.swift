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

    /// What the audit chain, revisions and subject versions rely on: a value read under the lock
    /// (here the chain's last position) stays the last until the write commits, across the
    /// batches of two processes' pools, and a write refused by PostgreSQL (a duplicate key, which
    /// aborts its savepoint) takes nothing else of its batch with it.
    @Test func concurrentWritesOfTwoReplicasShareCommitsAndKeepExactlyTheirOwnWork() throws {
        let commits = Mutex(0)
        let replicas = try (0..<2).map { _ in try database(afterCommit: { commits.withLock { $0 += 1 } }) }
        let threads = 8
        let writesPerThread = 24
        let refusals = Mutex(0)
        onThreads(threads) { thread in
            for index in 0..<writesPerThread {
                do {
                    try replicas[thread % 2].write { db in
                        let last = try db.query("SELECT coalesce(max(position), 0) AS last FROM chain").first?.integer("last") ?? 0
                        try db.run("INSERT INTO chain (position, writer) VALUES (?, ?)", [last + 1, "thread-\(thread)"])
                        if index % 3 == 0 { try db.run("INSERT INTO chain (position, writer) VALUES (?, ?)", [last + 1, "again"]) }
                    }
                } catch let error as PostgresError where error.isUniqueViolation {
                    refusals.withLock { $0 += 1 }
                } catch {
                    Issue.record("an unexpected failure: \(error)")
                }
            }
        }
        let writes = threads * writesPerThread
        #expect(refusals.withLock { $0 } == writes / 3)
        let positions = try replicas[0].read { db in try db.query("SELECT position FROM chain ORDER BY position") }.compactMap { $0.integer("position") }
        #expect(positions == Array(1...Int64(writes - writes / 3)))
        let transactions = commits.withLock { $0 }
        #expect(transactions < writes * 3 / 4, "writes shared transactions: \(transactions) commits for \(writes) writes")
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

/// Runs `body` on `count` threads of their own at once (`concurrentPerform` runs no more at once
/// than there are cores) and returns when all have finished.
private func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }.start()
    }
    group.wait()
}
