import Foundation
import PostgresTestSupport
import Registry
import SQL

/// A registry on a new database of the engine under test (a file in a temporary directory, or a
/// database on the throwaway PostgreSQL cluster), with helpers to submit YAML text.
final class RegistryFixture {
    let directory: URL
    /// The database as `--db` names it: open a second `Registry` on it with `reopen()`.
    let databaseLocation: String
    let registry: Registry

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databaseLocation = try TestEngine.newDatabase(file: directory.appendingPathComponent("registry.sqlite").path)
        registry = try Registry(location: DatabaseLocation(databaseLocation))
    }

    /// Another registry on the same database, as a second process or replica would open it.
    func reopen(configuration: RegistryConfiguration = RegistryConfiguration(), clock: @escaping @Sendable () -> Date = { Date() }) throws -> Registry {
        try Registry(location: DatabaseLocation(databaseLocation), configuration: configuration, clock: clock)
    }

    /// A connection of its own to the database, to look behind the registry's back.
    func connection() throws -> any SQLConnection { try TestEngine.connect(databaseLocation) }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func submission(_ yaml: String, source: String = "test.yaml") throws -> DocumentSubmission {
        try DocumentSubmission.decode(Array(yaml.utf8), mediaType: .yaml, source: source)
    }

    @discardableResult
    func apply(_ documents: [String], as actor: Principal = .localAdmin, dryRun: Bool = false) throws -> [WriteResult] {
        let submissions = try documents.enumerated().map { index, text in try Self.submission(text, source: "doc\(index).yaml") }
        return try registry.apply(submissions, actor: actor, dryRun: dryRun)
    }

    /// Runs `body` expecting a refusal (a `RegistryError`, or `SubjectError` for subjects) and returns it.
    func refusal<Failure: Error>(as type: Failure.Type = RegistryError.self, _ body: () throws -> Void) -> Failure? {
        do {
            try body()
            return nil
        } catch {
            return error as? Failure
        }
    }

    /// The repository's root, for the shipped `Domains/` mesh.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Small documents for tests: a domain with two teams, a contract and the product publishing it.
enum Samples {
    static let salesDomain = """
        apiVersion: meshreg/v1
        kind: Domain
        name: sales
        description: Orders and revenue.
        teams:
          - name: sales-data
            members:
              - { username: alice, role: owner }
              - { username: bob, role: steward }
          - name: sales-finance
            members:
              - { username: carol, role: owner }
        """

    static func contract(id: String = "sales-orders-contract", version: String = "1.0.0", status: String = "active",
                         team: String = "sales-data", extraProperty: Bool = false, orderIDType: String = "string",
                         compatibility: String? = nil) -> String {
        """
        apiVersion: v3.1.0
        kind: DataContract
        id: \(id)
        name: Sales Orders
        version: \(version)
        status: \(status)
        domain: sales
        team:
          name: \(team)
          members:
            - username: alice
              role: owner
        schema:
          - name: orders
            properties:
              - name: order_id
                logicalType: \(orderIDType)
                required: true
        """ + (extraProperty ? "\n      - name: channel\n        logicalType: string\n" : "\n")
            + (compatibility.map { "customProperties:\n  - property: compatibility\n    value: \($0)\n" } ?? "")
    }

    static func product(id: String = "sales-orders", status: String = "active", output: String = "sales-orders-contract",
                        outputVersion: String = "1.0.0", input: String? = nil, team: String = "sales-data") -> String {
        let inputPorts = input.map { "inputPorts:\n  - name: source\n    version: 1.0.0\n    contractId: \($0)\n" } ?? ""
        return """
        apiVersion: v1.0.0
        kind: DataProduct
        id: \(id)
        name: Sales Orders
        version: 1.0.0
        status: \(status)
        domain: sales
        description:
          purpose: Curated order facts.
        team:
          name: \(team)
          members:
            - username: alice
              role: owner
        outputPorts:
          - name: main
            version: \(outputVersion)
            contractId: \(output)

        """ + inputPorts
    }

    /// A second product reading the orders contract through an input port.
    static let consumerContract = contract(id: "sales-forecast-contract")
    static let consumer = product(id: "sales-forecast", output: "sales-forecast-contract", input: "sales-orders-contract")
}
