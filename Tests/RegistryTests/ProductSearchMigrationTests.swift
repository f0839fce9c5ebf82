import Foundation
import PostgresTestSupport
import SQL
import Testing
@testable import Registry

/// Migration 0009 fills the search columns of products stored before it from their documents,
/// exactly as a product write fills them.
@Suite(.enabled(if: TestEngine.isSQLite, "SQLite-only: runs the SQLite migration's own SQL")) struct ProductSearchMigrationTests {
    @Test func backfillMatchesWhatWritesStore() throws {
        let fixture = try RegistryFixture()
        let classified = Samples.product().replacingOccurrences(of: "    contractId: sales-orders-contract\n", with: """
                contractId: sales-orders-contract
                customProperties:
                  - { property: classification, value: Restricted }
            tags: [orders, Finance]

            """)
        try fixture.apply([Samples.salesDomain, Samples.contract(), classified, Samples.consumerContract, Samples.consumer])
        let connection = try fixture.connection()
        let query = "SELECT id, keywords, classifications FROM products ORDER BY id"
        let written = try connection.query(query).map { [$0.string("id"), $0.string("keywords"), $0.string("classifications")] }
        #expect(written.count == 2)
        #expect(written.first == ["sales-forecast", " alice ", "  "])
        #expect(written.last == ["sales-orders", " orders finance alice ", " restricted "])
        let migration = try #require(RegistrySchema.migrator.migrations.first { $0.name == "0009-product-search" })
        let backfill = try #require(migration.sql.range(of: "UPDATE products"))
        try connection.execute("UPDATE products SET keywords = '', classifications = ''")
        try connection.execute(String(migration.sql[backfill.lowerBound...]))
        let migrated = try connection.query(query).map { [$0.string("id"), $0.string("keywords"), $0.string("classifications")] }
        #expect(migrated == written)
    }
}
