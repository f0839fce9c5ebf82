import HTTPProtocol
import JSON
import PostgresTestSupport
import Synchronization
import Testing
@testable import RegistryAPI

/// When the server itself fails, the client learns a request id and nothing internal; the log
/// line carries the same id and the cause. The failure is real: a table the route reads is
/// dropped behind the registry's back, so the database answers that there is no such table.
@Suite struct ServerFailureTests {
    /// The access log's records, as `meshreg serve` would write them.
    final class CapturedLog: Sendable {
        let records = Mutex<[RegistryAPI.LogRecord]>([])
        func append(_ record: RegistryAPI.LogRecord) { records.withLock { $0.append(record) } }
    }

    static func dropTable(_ table: String, in fixture: APIFixture) throws {
        let drop = TestEngine.isSQLite ? "PRAGMA foreign_keys = OFF; DROP TABLE \(table)" : "DROP TABLE \(table) CASCADE"
        try fixture.connection().execute(drop)
    }

    /// A route, the table whose loss fails it, and the answer expected.
    struct Failure: Sendable, CustomTestStringConvertible {
        var target: String
        var table: String
        var status: Int
        var code: String
        var testDescription: String { "\(target) without \(table)" }
    }

    @Test(arguments: [
        Failure(target: "/api/v1/access-requests", table: "access_requests", status: 500, code: "internal"),
        Failure(target: "/readyz", table: "products", status: 503, code: "not-ready"),
    ])
    func aFailureAnswersWithARequestIdAndOnlyTheLogHasTheCause(_ failure: Failure) throws {
        let (target, table, status, code) = (failure.target, failure.table, failure.status, failure.code)
        let log = CapturedLog()
        let fixture = try APIFixture(log: log.append)
        try Self.dropTable(table, in: fixture)

        let response = fixture.send(.get, target, token: fixture.adminToken)
        #expect(response.status.code == status)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(response.json["code"] == .string(code))
        #expect(response.json["status"] == .integer(Int64(status)))
        let requestID = try #require(response.json["requestId"]?.stringValue)
        #expect(!requestID.isEmpty)
        #expect(response.headers["X-Request-Id"] == requestID)
        #expect(!body.contains(TestEngine.missingTable(table)) && !body.contains(table), "the body leaks the cause: \(body)")

        let record = try #require(log.records.withLock { $0.last })
        #expect(record.requestID == requestID)
        #expect(record.status == status)
        let line = record.line(time: "2026-01-01T00:00:00Z", json: false)
        #expect(line.contains(requestID) && line.contains(TestEngine.missingTable(table)), "\(line)")
        let jsonLine = try JSONParser.parse(record.line(time: "2026-01-01T00:00:00Z", json: true))
        #expect(jsonLine["requestId"] == .string(requestID))
        #expect(jsonLine["failure"]?.stringValue?.contains(TestEngine.missingTable(table)) == true)
    }

    @Test func aConfluentStoreFailureIsError50001WithTheRequestIdOnly() throws {
        let log = CapturedLog()
        let fixture = try APIFixture(log: log.append)
        try Self.dropTable("subject_versions", in: fixture)

        let response = fixture.send(.get, "/apis/ccompat/v7/subjects", token: fixture.adminToken)
        #expect(response.status.code == 500)
        #expect(response.json["error_code"] == 50001)
        let requestID = try #require(response.headers["X-Request-Id"])
        let message = try #require(response.json["message"]?.stringValue)
        #expect(message.contains(requestID) && !message.contains(TestEngine.missingTable("subject_versions")), "\(message)")
        let record = try #require(log.records.withLock { $0.last })
        #expect(record.requestID == requestID && record.failure?.contains(TestEngine.missingTable("subject_versions")) == true)
    }

    @Test func everyAnswerHasItsOwnRequestId() throws {
        let log = CapturedLog()
        let fixture = try APIFixture(log: log.append)
        let answers = [fixture.send(.get, "/healthz"), fixture.send(.get, "/api/v1/products"), fixture.send(.get, "/no/such/route")]
        let ids = answers.compactMap { $0.headers["X-Request-Id"] }
        #expect(ids.count == 3 && Set(ids).count == 3)
        #expect(log.records.withLock { $0.map(\.requestID) } == ids)
        #expect(log.records.withLock { $0.allSatisfy { $0.failure == nil } })
    }
}
