import Foundation
import Synchronization
import Testing
import SQL
@testable import SQLite

private let schema = Migrator([
    Migration("create-labels", sql: "CREATE TABLE labels (label TEXT PRIMARY KEY NOT NULL) STRICT"),
])

private func labels(in pool: DatabasePool) throws -> Set<String> {
    Set(try pool.read { db in try db.query("SELECT label FROM labels") }.compactMap { $0.string("label") })
}

/// Concurrent writes share transactions (group commit); each must still succeed or fail on its own.
@Suite struct GroupCommitTests {
    @Test func concurrentWritesKeepExactlyTheirOwnWork() throws {
        let directory = TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("g.sqlite"), migrator: schema)
        let threads = 8
        let perThread = 40
        let outcomes = Mutex<[String: Bool]>([:])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                let label = "t\(thread)-\(index)"
                let returned = try? pool.write { db in
                    try db.run("INSERT INTO labels (label) VALUES (?)", [label])
                    // Every third write fails after its insert: a duplicate key.
                    if index % 3 == 0 { try db.run("INSERT INTO labels (label) VALUES (?)", [label]) }
                    return label
                }
                if let returned { #expect(returned == label) }
                outcomes.withLock { $0[label] = returned != nil }
            }
        }
        let expected = Set(outcomes.withLock { $0.filter(\.value).keys })
        #expect(expected.count == threads * (perThread - (perThread + 2) / 3))
        #expect(try labels(in: pool) == expected)
    }

    @Test func aWriteThatEndsTheTransactionFailsTheWritesBatchedWithIt() throws {
        let directory = TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("r.sqlite"), migrator: schema)
        let leaderRunning = DispatchSemaphore(value: 0)
        let releaseLeader = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let results = Mutex<[String: Result<Void, SQLiteError>]>([:])
        func write(_ label: String, _ body: @escaping @Sendable (any SQLConnection) throws -> Void) {
            DispatchQueue.global().async(group: group) {
                let result = Result<Void, any Error> { try pool.write { db in
                    try db.run("INSERT INTO labels (label) VALUES (?)", [label])
                    try body(db)
                } }.mapError { $0 as? SQLiteError ?? SQLiteError(extendedCode: 1, message: "\($0)") }
                results.withLock { $0[label] = result }
            }
        }
        func waitForQueue(_ count: Int) {
            while pool.queuedWriteCount < count { usleep(1_000) }
        }
        // The first write leads its own batch and holds it open until the next two are queued.
        write("leader") { _ in
            leaderRunning.signal()
            releaseLeader.wait()
        }
        leaderRunning.wait()
        write("innocent") { _ in }
        waitForQueue(1)
        write("culprit") { db in try db.execute("ROLLBACK") }
        waitForQueue(2)
        releaseLeader.signal()
        group.wait()

        let outcome = results.withLock { $0 }
        #expect((try? outcome["leader"]?.get()) != nil)
        #expect(outcome["innocent"].map { if case .failure(let error) = $0 { error == .rolledBack } else { false } } == true)
        #expect(outcome["culprit"].map { if case .failure = $0 { true } else { false } } == true)
        #expect(try labels(in: pool) == ["leader"])
        try pool.write { db in try db.run("INSERT INTO labels (label) VALUES (?)", ["after"]) }
        #expect(try labels(in: pool) == ["leader", "after"])
    }
}

/// `afterCommit` tells waiting readers that a batch has committed.
@Suite struct AfterCommitTests {
    @Test func runsOncePerBatchBeforeTheWritersReturn() throws {
        let directory = TemporaryDirectory()
        let batches = Mutex(0)
        let pool = try DatabasePool(path: directory.path("n.sqlite"), migrator: schema, afterCommit: { batches.withLock { $0 += 1 } })
        try pool.write { db in try db.run("INSERT INTO labels (label) VALUES ('one')") }
        #expect(batches.withLock { $0 } == 1, "the writer returns after the notification")
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<20 { _ = try? pool.write { db in try db.run("INSERT INTO labels (label) VALUES (?)", ["t\(thread)-\(index)"]) } }
        }
        let count = batches.withLock { $0 }
        #expect(count > 1 && count <= 161, "one per batch, never more than one per write: \(count)")
    }
}
