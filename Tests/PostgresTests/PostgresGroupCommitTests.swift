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
        // Another replica holds the write lock: the first write waits for it inside its batch while
        // the next two queue behind it and so make the next batch together.
        let otherReplica = try PostgresConnection(uri: uri)
        try otherReplica.query("SELECT pg_advisory_lock(42)")
        let group = DispatchGroup()
        let stored = Mutex<[String: Bool]>([:])
        let writes: [(label: String, then: String?)] = [("first", nil), ("innocent", nil), ("culprit", "SELECT pg_terminate_backend(pg_backend_pid())")]
        for (index, write) in writes.enumerated() {
            group.enter()
            Thread {
                let committed = (try? database.write { db in
                    try db.run("INSERT INTO labels (label) VALUES (?)", [write.label])
                    if let statement = write.then { try db.query(statement) }
                    return true
                }) ?? false
                stored.withLock { $0[write.label] = committed }
                group.leave()
            }.start()
            if index == 0 {
                // pg_locks is the whole cluster's, which other tests share: only this database's lock 42 counts.
                while try otherReplica.query("""
                    SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = 42
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    """).isEmpty { usleep(1_000) }
            } else {
                while database.queuedWriteCount < index { usleep(1_000) }
            }
        }
        try otherReplica.query("SELECT pg_advisory_unlock(42)")
        group.wait()

        #expect(stored.withLock { $0 } == ["first": true, "innocent": false, "culprit": false])
        #expect(try labels(in: database) == ["first"])
        try database.write { db in try db.run("INSERT INTO labels (label) VALUES (?)", ["after"]) }
        #expect(try labels(in: database) == ["first", "after"], "the pool reconnects for the next batch")
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
