import Foundation
import JSON
import PostgresTestSupport
import Testing

/// `meshreg migrate`, run as the real binary, on a SQLite file and on a PostgreSQL database.
@Suite struct MigrateCommandTests {
    @Test func migratesASQLiteFileOnceAndThenReportsItUpToDate() throws {
        let workspace = try Workspace()
        let database = workspace.path("fresh.sqlite")
        let first = try MeshregProcess.run(["migrate", "--db", database, "--format", "json"])
        #expect(first.status == 0, "\(first.standardError)")
        let report = try JSONParser.parse(first.standardOutput)
        let total = try #require(report["migrations"]?.integerValue)
        #expect(total >= 7)
        #expect(report["applied"]?.arrayValue?.count == Int(total))
        let again = try MeshregProcess.run(["migrate", "--db", database])
        #expect(again.standardOutput.contains("up to date (\(total) migrations)"))
        // The migrated file is a registry the other commands open as they are.
        #expect(try MeshregProcess.run(["list", "products", "--db", database]).status == 0)
    }

    @Test(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
    func migratesAPostgresDatabaseWithoutPrintingItsPassword() throws {
        let uri = try TemporaryPostgresCluster.shared().makeDatabase()
        let password = try #require(uri.split(separator: ":")[2].split(separator: "@").first.map(String.init))
        let first = try MeshregProcess.run(["migrate", "--db", uri])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("applied"))
        #expect(first.standardOutput.contains("0001-registry-core"))
        let again = try MeshregProcess.run(["migrate", "--db", uri, "--format", "json"])
        #expect(try JSONParser.parse(again.standardOutput)["applied"]?.arrayValue?.isEmpty == true)
        #expect(!(first.standardOutput + first.standardError + again.standardOutput).contains(password))
        #expect((try JSONParser.parse(again.standardOutput)["database"]?.stringValue)?.contains(":***@") == true)

        // The migrated database is a registry the other commands open as they are.
        let list = try MeshregProcess.run(["list", "products", "--db", uri, "--format", "json"])
        #expect(list.status == 0, "\(list.standardError)")
        #expect(!(list.standardOutput + list.standardError).contains(password))
    }

    @Test func anUnreachablePostgresIsAClearError() throws {
        let run = try MeshregProcess.run(["migrate", "--db", "postgresql://someone:hunter2@127.0.0.1:1/none?connect_timeout=2"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("127.0.0.1"))
        #expect(!run.standardError.contains("hunter2"))
    }
}
