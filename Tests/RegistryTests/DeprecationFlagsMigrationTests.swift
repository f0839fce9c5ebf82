import Foundation
import PostgresTestSupport
import SQL
import Testing
@testable import Registry

/// Migration 0011 fills the deprecation flags of products stored before it from their documents,
/// exactly as a product write fills them, and product lists read them from there.
@Suite(.enabled(if: TestEngine.isSQLite, "SQLite-only: runs the SQLite migration's own SQL")) struct DeprecationFlagsMigrationTests {
    @Test func backfillMatchesWhatWritesStore() throws {
        let fixture = try RegistryFixture()
        let deprecated = Samples.product()
            .replacingOccurrences(of: "apiVersion: v1.0.0", with: "apiVersion: v1.1.0")
            .replacingOccurrences(of: "status: active\n", with: "status: active\ndeprecated: true\n")
            .replacingOccurrences(of: "    contractId: sales-orders-contract\n", with: "    contractId: sales-orders-contract\n    deprecated: true\n")
        try fixture.apply([Samples.salesDomain, Samples.contract(), deprecated, Samples.consumerContract, Samples.consumer])
        let connection = try fixture.connection()
        let query = """
            SELECT p.id, p.deprecated, (SELECT group_concat(port) FROM product_ports pp
                WHERE pp.product_id = p.id AND pp.deprecated = 1) AS ports
            FROM products p ORDER BY p.id
            """
        let read = { try connection.query(query).map { [$0.string("id"), $0.string("deprecated"), $0.string("ports")] } }
        let written = try read()
        #expect(written == [["sales-forecast", "0", nil], ["sales-orders", "1", "main"]])

        let migration = try #require(RegistrySchema.migrator.migrations.first { $0.name == "0011-deprecation-flags" })
        let backfill = try #require(migration.sql.range(of: "UPDATE products"))
        try connection.execute("UPDATE products SET deprecated = 0; UPDATE product_ports SET deprecated = 0")
        try connection.execute(String(migration.sql[backfill.lowerBound...]))
        #expect(try read() == written)

        let listed = try fixture.registry.products().items.map { [$0.id, "\($0.deprecated)", $0.deprecatedPorts.joined()] }
        #expect(listed == [["sales-forecast", "false", ""], ["sales-orders", "true", "main@1.0.0"]])
    }
}
