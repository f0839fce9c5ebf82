import Foundation
import SQL
import Testing
@testable import SQLite

private let schema = Migrator([
    Migration("create-items", sql: """
        CREATE TABLE owners (name TEXT PRIMARY KEY NOT NULL) STRICT;
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL REFERENCES owners(name),
            label TEXT NOT NULL UNIQUE,
            payload BLOB
        ) STRICT;
        """),
])

@Suite struct DatabaseTests {
    @Test func roundTripsEveryStorageClassWithBoundParameters() throws {
        let directory = TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("a.sqlite"), migrator: schema)
        let label = "it's \"quoted\"; DROP TABLE items; --\u{0}after-nul é"
        try pool.write { db in
            try db.run("INSERT INTO owners (name) VALUES (?)", ["alice"])
            try db.run("INSERT INTO items (owner, label, payload) VALUES (?, ?, ?)", ["alice", label, [UInt8](arrayLiteral: 0, 1, 255)])
        }
        let rows = try pool.read { db in try db.query("SELECT label, payload, id FROM items WHERE label = ?", [label]) }
        #expect(rows.count == 1)
        #expect(rows.first?.string("label") == label)
        #expect(rows.first?.blob("payload") == [0, 1, 255])
        #expect(rows.first?.integer("id") == 1)
    }

    @Test func failedTransactionLeavesNothingBehind() throws {
        let directory = TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("a.sqlite"), migrator: schema)
        #expect(throws: SQLiteError.self) {
            try pool.write { db in
                try db.run("INSERT INTO owners (name) VALUES (?)", ["bob"])
                try db.run("INSERT INTO items (owner, label) VALUES (?, ?)", ["nobody", "x"])
            }
        }
        let owners = try pool.read { db in try db.query("SELECT count(*) AS n FROM owners") }
        #expect(owners.first?.integer("n") == 0)
    }

    @Test func constraintErrorsCarryExtendedCodes() throws {
        let pool = try DatabasePool(path: ":memory:", migrator: schema)
        try pool.write { db in try db.run("INSERT INTO owners (name) VALUES ('carol')") }
        do {
            try pool.write { db in try db.run("INSERT INTO owners (name) VALUES (?)", ["carol"]) }
            Issue.record("a duplicate primary key was accepted")
        } catch let error as SQLiteError {
            #expect(error.isUniqueViolation)
            #expect(!error.description.contains("carol"), "bound values must not appear in errors")
        }
        do {
            try pool.write { db in try db.run("INSERT INTO items (owner, label) VALUES (?, ?)", ["ghost", "y"]) }
            Issue.record("a dangling foreign key was accepted")
        } catch let error as SQLiteError {
            #expect(error.isForeignKeyViolation)
        }
    }

    @Test func nestedTransactionsRollBackToTheirSavepoint() throws {
        let pool = try DatabasePool(path: ":memory:", migrator: schema)
        try pool.write { db in
            try db.run("INSERT INTO owners (name) VALUES ('dave')")
            _ = try? db.transaction {
                try db.run("INSERT INTO owners (name) VALUES ('erin')")
                throw SQLiteError(extendedCode: 1, message: "planned")
            }
        }
        let names = try pool.read { db in try db.query("SELECT name FROM owners ORDER BY name").compactMap { $0.string("name") } }
        #expect(names == ["dave"])
    }

    @Test func doubleQuotedStringLiteralsAreRefused() throws {
        let pool = try DatabasePool(path: ":memory:", migrator: schema)
        #expect(throws: SQLiteError.self) {
            try pool.read { db in try db.query(#"SELECT name FROM owners WHERE name = "alice""#) }
        }
    }

    @Test func migrationsApplyOnceAndRefuseNewerDatabases() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("m.sqlite")
        _ = try DatabasePool(path: path, migrator: schema)
        _ = try DatabasePool(path: path, migrator: schema)
        let extended = Migrator(schema.migrations + [Migration("add-index", sql: "CREATE INDEX items_owner ON items(owner)")])
        _ = try DatabasePool(path: path, migrator: extended)
        #expect(throws: MigrationError.self) { try DatabasePool(path: path, migrator: schema) }
    }

    @Test(arguments: [
        Array("this is not a database, just text that is long enough to look like a header...".utf8),
        Array("SQLite format 3\u{0}".utf8) + [UInt8](repeating: 7, count: 200),
    ])
    func foreignOrTruncatedFilesAreRefusedClearly(content: [UInt8]) throws {
        let directory = TemporaryDirectory()
        let path = directory.path("foreign.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content)))
        #expect {
            try DatabasePool(path: path, migrator: schema)
        } throws: { error in
            (error as? SQLiteError)?.isNotADatabase == true
        }
    }

    @Test func readersSeeCommittedWritesFromOtherThreads() async throws {
        let directory = TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("c.sqlite"), migrator: schema)
        try pool.write { db in try db.run("INSERT INTO owners (name) VALUES ('frank')") }
        let threads = 8
        let perThread = 25
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                try! pool.write { db in
                    try db.run("INSERT INTO items (owner, label) VALUES (?, ?)", ["frank", "t\(thread)-\(index)"])
                }
                _ = try! pool.read { db in try db.query("SELECT count(*) FROM items") }
            }
        }
        let count = try pool.read { db in try db.query("SELECT count(*) AS n FROM items") }.first?.integer("n")
        #expect(count == Int64(threads * perThread))
    }
}
