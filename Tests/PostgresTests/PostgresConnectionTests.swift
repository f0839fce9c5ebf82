import Foundation
import Postgres
import SQL
import PostgresTestSupport
import Testing

/// The libpq wrapper against a real PostgreSQL (a throwaway cluster, see TemporaryPostgresCluster).
@Suite(.enabled(if: TemporaryPostgresCluster.isEnabled, "MESHREG_TEST_POSTGRES=0 turns the PostgreSQL tests off"))
struct PostgresConnectionTests {
    let cluster: TemporaryPostgresCluster
    let connection: PostgresConnection

    init() throws {
        cluster = try TemporaryPostgresCluster.shared()
        connection = try PostgresConnection(uri: try cluster.makeDatabase())
    }

    @Test func valuesOfEveryKindRoundTrip() throws {
        try connection.execute("CREATE TABLE t (s text, i bigint, d double precision, b boolean, x bytea, n text)")
        let allBytes = (0...255).map(UInt8.init)
        let text = "naïve ☃ 'quoted' \"double\" \\ back"
        let inserted = try connection.run("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)",
                                          [text, Int64.min, 0.1, true, SQLValue.blob(allBytes), String?.none])
        #expect(inserted == 1)
        let row = try #require(try connection.query("SELECT * FROM t").first)
        #expect(row.string("s") == text)
        #expect(row.integer("i") == Int64.min)
        #expect(row.double("d") == 0.1)
        #expect(row.bool("b") == true)
        #expect(row.blob("x") == allBytes)
        #expect(row.string("n") == nil)
    }

    /// The parameters share one buffer: NULLs, empty values and bytes holding NUL between them
    /// must not shift any value onto its neighbour's bytes.
    @Test func parametersKeepTheirPlacesAroundNullsAndEmptyValues() throws {
        try connection.execute("CREATE TABLE t (a text, b text, c bytea, d text, e bigint, f bytea, g text, h text)")
        try connection.run("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                           ["", String?.none, SQLValue.blob([]), "abc", Int64(-42), SQLValue.blob([0, 0, 1, 0]), "z", String?.none])
        let row = try #require(try connection.query("SELECT * FROM t").first)
        #expect(row.string("a") == "")
        #expect(row.string("b") == nil)
        #expect(row.blob("c") == [])
        #expect(row.string("d") == "abc")
        #expect(row.integer("e") == -42)
        #expect(row.blob("f") == [0, 0, 1, 0])
        #expect(row.string("g") == "z")
        #expect(row.string("h") == nil)
    }

    @Test func aParameterIsNeverSQL() throws {
        try connection.execute("CREATE TABLE t (s text)")
        let hostile = "x'); DROP TABLE t; --"
        try connection.run("INSERT INTO t VALUES ($1)", [hostile])
        #expect(try connection.query("SELECT s FROM t").map { $0.string("s") } == [hostile])
    }

    @Test func textWithANulCharacterIsRefusedNotTruncated() throws {
        try connection.execute("CREATE TABLE t (s text)")
        let error = try #require(throws: PostgresError.self) { try connection.run("INSERT INTO t VALUES ($1)", ["a\u{0}b"]) }
        #expect(error.sqlState == "22021")
        #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
    }

    @Test func uniqueViolationsCarryTheirSQLState() throws {
        try connection.execute("CREATE TABLE t (id text PRIMARY KEY)")
        try connection.run("INSERT INTO t VALUES ($1)", ["a"])
        let error = try #require(throws: PostgresError.self) { try connection.run("INSERT INTO t VALUES ($1)", ["a"]) }
        #expect(error.isUniqueViolation)
        #expect(error.description.contains("INSERT INTO t"))
        #expect(!error.description.contains("\"a\""))
    }

    @Test func aThrowingTransactionLeavesNothingAndSavepointsNest() throws {
        try connection.execute("CREATE TABLE t (id int)")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try connection.transaction {
                try connection.run("INSERT INTO t VALUES (1)")
                throw Refused()
            }
        }
        try connection.transaction {
            try connection.run("INSERT INTO t VALUES (2)")
            _ = try? connection.transaction {
                try connection.run("INSERT INTO t VALUES (3)")
                throw Refused()
            }
        }
        #expect(try connection.query("SELECT id FROM t ORDER BY id").map { $0.int("id") } == [2])
    }

    @Test func notificationsArriveAfterCommitOnly() throws {
        let listener = try PostgresConnection(uri: cluster.adminURI)
        try listener.listen("meshreg changes")
        #expect(try listener.notifications(waitingUpTo: 50).isEmpty)
        let sender = try PostgresConnection(uri: cluster.adminURI)
        try sender.execute("BEGIN")
        try sender.notify("meshreg changes", payload: "42")
        #expect(try listener.notifications(waitingUpTo: 100).isEmpty)
        try sender.execute("COMMIT")
        let received = try listener.notifications(waitingUpTo: 5_000)
        #expect(received.map(\.payload) == ["42"])
        #expect(received.first?.channel == "meshreg changes")
        #expect(received.first?.senderProcessID == sender.backendProcessID)
    }

    @Test func theStatementTimeoutCancelsALongQuery() throws {
        let impatient = try PostgresConnection(uri: cluster.adminURI, statementTimeoutMilliseconds: 100)
        let error = try #require(throws: PostgresError.self) { try impatient.query("SELECT pg_sleep(5)") }
        #expect(error.isCanceled)
        #expect(impatient.isHealthy)
        #expect(try impatient.query("SELECT 1 AS one").first?.int("one") == 1)
    }

    @Test func aWrongPasswordIsRefusedWithoutEchoingIt() throws {
        let uri = cluster.adminURI.replacingOccurrences(of: "meshreg_test:", with: "meshreg_test:wrong-secret-")
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(uri: uri) }
        #expect(error.message.contains("password authentication failed"))
        #expect(!error.description.contains("wrong-secret"))
        #expect(error.isConnectionFailure)
    }

    @Test func aServerThatIsGoneIsAConnectionFailure() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(uri: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error.isConnectionFailure)
        #expect(error.message.contains("127.0.0.1"))
    }
}
