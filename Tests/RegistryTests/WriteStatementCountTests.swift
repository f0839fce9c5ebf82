import Foundation
@testable import Registry
import JSON
import SQL
import Testing

/// On PostgreSQL every statement of a write is a round trip made while every other writer of every
/// replica waits for the write lock (docs/ARCHITECTURE.md, "PostgreSQL": how a write proceeds),
/// so the statements of a product update are counted and held under a ceiling.
@Suite struct WriteStatementCountTests {
    @Test func aProductUpdateStaysWithinItsStatementBudget() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.consumerContract, Samples.product(), Samples.consumer])
        let registry = fixture.registry
        let update = try Operation(
            RegistryFixture.submission(Samples.product(id: "sales-forecast", status: "deprecated", output: "sales-forecast-contract",
                                                       input: "sales-orders-contract")),
            configuration: registry.configuration)
        let (result, statements) = try registry.database.write { db in
            let counting = StatementCountingConnection(db)
            let store = RegistryStore(db: counting, now: Timestamp.string(from: Date()), documents: registry.documents)
            return (try update.execute(store, actor: .localAdmin), counting.statements)
        }
        #expect(result.change == .updated)
        guard case .events(let events) = try registry.events(after: 0, limit: 100, reader: .localAdmin), let last = events.last else {
            Issue.record("no events")
            return
        }
        #expect(last.type == "product.updated" && last.subject == "sales-forecast")
        #expect(last.data["changed"] == .array([.string("status")]), "the event names the field the update changed")
        // Reads of the product, its team, its two contracts, its current revision and the audit
        // head, then the revision, the product and its ports, lineage, audit entry and event.
        #expect(statements >= 12, "the update ran: \(statements) statements")
        #expect(statements <= 17, "a product update made \(statements) statements under the write lock; each one more is a round trip on PostgreSQL")
    }
}

/// Passes every statement on to `connection` and counts them.
private final class StatementCountingConnection: SQLConnection {
    private let connection: any SQLConnection
    private(set) var statements = 0

    init(_ connection: any SQLConnection) { self.connection = connection }

    var dialect: SQLDialect { connection.dialect }

    func query(_ sql: String, _ values: [any SQLBindable]) throws -> [Row] {
        statements += 1
        return try connection.query(sql, values)
    }

    func run(_ sql: String, _ values: [any SQLBindable]) throws -> Int {
        statements += 1
        return try connection.run(sql, values)
    }

    func execute(_ sql: String) throws {
        statements += 1
        try connection.execute(sql)
    }

    func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try connection.transaction(body)
    }
}
