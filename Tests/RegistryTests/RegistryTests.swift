import Foundation
import JSON
import PostgresTestSupport
import Registry
import Synchronization
import Testing

@Suite struct RegistryTests {
    @Test func appliesDomainContractAndProductThenReappliesAsNoOp() throws {
        let fixture = try RegistryFixture()
        let documents = [Samples.product(), Samples.contract(), Samples.salesDomain]
        let first = try fixture.apply(documents)
        #expect(first.map(\.kind) == [.domain, .contract, .product], "domains, then contracts, then products")
        #expect(first.allSatisfy { $0.change == .created && $0.revision == 1 })
        let second = try fixture.apply(documents)
        #expect(second.allSatisfy { $0.change == .unchanged })
        let stored = try fixture.registry.product("sales-orders")
        #expect(stored.revision == 1)
        #expect(stored.document["outputPorts"]?[0]?["contractId"] == "sales-orders-contract")
        #expect(stored.registeredBy == "local-admin")
        #expect(try fixture.registry.team("sales-data").members.map(\.username) == ["alice", "bob"])
    }

    @Test func updatesCreateRevisionsAndKeepHistory() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        try fixture.apply([Samples.product(status: "deprecated")], as: .user("bob"))
        let revisions = try fixture.registry.productRevisions("sales-orders")
        #expect(revisions.map(\.revision) == [1, 2])
        #expect(revisions.map { $0.document["status"] } == ["active", "deprecated"])
        #expect(revisions[1].registeredBy == "bob")
        #expect(try fixture.registry.products(ProductQuery(status: "deprecated")).items.map(\.id) == ["sales-orders"])
    }

    @Test func brokenDocumentsAreAllReportedAndNothingIsWritten() throws {
        let fixture = try RegistryFixture()
        let broken = Samples.product().replacingOccurrences(of: "version: 1.0.0\nstatus", with: "version: 1.0\nstatus")
            .replacingOccurrences(of: "role: owner", with: "role: steward")
        let error = fixture.refusal {
            try fixture.apply([Samples.salesDomain, Samples.contract(), broken, "kind: DataProduct\nid: x\nbogus: 1\n"])
        }
        let issues = error?.issues ?? []
        #expect(issues.contains { $0.issue.pointer.description == "/version" && $0.source == "doc2.yaml:5:10" })
        #expect(issues.contains { $0.issue.code == "unknown-field" && $0.source?.hasPrefix("doc3.yaml:3") == true })
        #expect(issues.count >= 3)
        #expect(throws: RegistryError.self) { try fixture.registry.domain("sales") }
        #expect(try fixture.registry.products().items.isEmpty)
    }

    @Test func syntaxErrorsPointAtLineAndColumn() throws {
        #expect {
            try RegistryFixture.submission("kind: Domain\nname: [unclosed\n", source: "bad.yaml")
        } throws: { error in
            let error = error as! RegistryError
            return error.code == .invalidDocument && error.message.hasPrefix("bad.yaml:") && error.issues.first?.source?.hasPrefix("bad.yaml:") == true
        }
    }

    @Test func referencesMustResolve() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        let error = fixture.refusal { try fixture.apply([Samples.product()]) }
        #expect(error?.code == .unresolvedReference)
        #expect(error?.issues.map(\.issue.code) == ["unknown-contract"])
        #expect(error?.issues.first?.issue.pointer.description == "/outputPorts/0/contractId")
    }

    @Test func outputPortsMustPublishTheProductsOwnContracts() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(team: "sales-finance")])
        let error = fixture.refusal { try fixture.apply([Samples.product()]) }
        #expect(error?.issues.map(\.issue.code) == ["contract-owner-mismatch"])
    }

    @Test func onlyTheOwningTeamOrAnAdminMayWriteAndRefusalsAreAudited() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let error = fixture.refusal { try fixture.apply([Samples.product(status: "deprecated")], as: .user("carol")) }
        #expect(error?.code == .forbidden)
        #expect(error?.message.contains("sales-data") == true)
        #expect(try fixture.registry.product("sales-orders").revision == 1)
        let teamToken = Principal.team("sales-data")
        #expect(try fixture.apply([Samples.product(status: "deprecated")], as: teamToken).first?.change == .updated)
        let database = try fixture.connection()
        let refused = try database.query("SELECT actor, action, target, code FROM audit_log WHERE outcome = 'refused'")
        #expect(refused.count == 1)
        #expect(refused.first?.string("actor") == "carol")
        #expect(refused.first?.string("code") == "forbidden")
    }

    @Test func newDomainsNeedAnAdmin() throws {
        let fixture = try RegistryFixture()
        let error = fixture.refusal { try fixture.apply([Samples.salesDomain], as: .user("alice")) }
        #expect(error?.code == .forbidden)
    }

    @Test func onlyAnAdminChangesADomainButAnyoneMayResendItUnchanged() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        // alice owns sales-data; the change would make her an owner of carol's team too.
        let takeover = Samples.salesDomain.replacingOccurrences(of: "{ username: carol, role: owner }", with: "{ username: alice, role: owner }")
        let error = fixture.refusal { try fixture.apply([takeover], as: .user("alice")) }
        #expect(error?.code == .forbidden)
        #expect(error?.message.contains("needs a platform admin") == true)
        let unchanged = try fixture.apply([Samples.salesDomain], as: .user("alice"))
        #expect(unchanged.map(\.change) == [.unchanged])
        #expect(try fixture.apply([takeover]).map(\.change) == [.updated])
    }

    @Test func activeContractVersionsAreImmutableButMayBeDeprecated() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract()])
        let error = fixture.refusal { try fixture.apply([Samples.contract(extraProperty: true)]) }
        #expect(error?.code == .immutableVersion)
        #expect(error?.message.contains("1.1.0") == true)
        #expect(try fixture.apply([Samples.contract(status: "deprecated")]).first?.change == .updated)
        #expect(fixture.refusal { try fixture.apply([Samples.contract(status: "active")]) }?.code == .immutableVersion)
        #expect(try fixture.apply([Samples.contract(version: "1.1.0", extraProperty: true)]).first?.change == .created)
        #expect(try fixture.registry.contractVersions("sales-orders-contract").map(\.version) == ["1.0.0", "1.1.0"])
    }

    @Test func draftContractVersionsMayChange() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(status: "draft")])
        #expect(try fixture.apply([Samples.contract(status: "draft", extraProperty: true)]).first?.revision == 2)
    }

    @Test func retiringSomethingStillReadIsRefusedWithItsDependants() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let error = fixture.refusal { try fixture.registry.retireProduct("sales-orders", actor: .user("alice")) }
        #expect(error?.code == .hasDependants)
        #expect(error?.dependants == ["product:sales-forecast"])
        let contractError = fixture.refusal { try fixture.registry.retireContract("sales-orders-contract", version: "1.0.0", actor: .localAdmin) }
        #expect(contractError?.dependants == ["product:sales-forecast", "product:sales-orders"])
        #expect(try fixture.registry.retireProduct("sales-forecast", actor: .user("alice")).change == .retired)
        #expect(try fixture.registry.retireProduct("sales-orders", actor: .user("alice")).change == .retired)
        #expect(try fixture.registry.product("sales-orders").document["status"] == "retired")
        #expect(fixture.refusal { try fixture.registry.retireProduct("nope", actor: .localAdmin) }?.code == .notFound)
    }

    @Test func teamsThatOwnThingsCannotBeDropped() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        let withoutSalesData = """
            apiVersion: meshreg/v1
            kind: Domain
            name: sales
            teams:
              - name: sales-finance
                members:
                  - { username: carol, role: owner }
            """
        let error = fixture.refusal { try fixture.apply([withoutSalesData]) }
        #expect(error?.code == .hasDependants)
        #expect(error?.dependants.contains("product:sales-orders") == true)
    }

    @Test func dryRunChecksEverythingAndWritesNothing() throws {
        let fixture = try RegistryFixture()
        let results = try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()], dryRun: true)
        #expect(results.count == 3)
        #expect(try fixture.registry.products().items.isEmpty)
        #expect(throws: RegistryError.self) { try fixture.registry.domain("sales") }
    }

    @Test func productListsFilterAndPage() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product(), Samples.consumerContract, Samples.consumer])
        let first = try fixture.registry.products(ProductQuery(limit: 1))
        #expect(first.items.map(\.id) == ["sales-forecast"])
        let second = try fixture.registry.products(ProductQuery(limit: 1, cursor: first.nextCursor))
        #expect(second.items.map(\.id) == ["sales-orders"])
        #expect(second.nextCursor == nil)
        #expect(try fixture.registry.products(ProductQuery(text: "FORECAST")).items.map(\.id) == ["sales-forecast"])
        #expect(try fixture.registry.products(ProductQuery(domain: "elsewhere")).items.isEmpty)
    }

    @Test func twoRegistriesOnOneDatabaseWriteEverythingAndKeepOneAuditChain() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        let other = try fixture.reopen()
        let registries = [fixture.registry, other]
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let registry = registries[index % 2]
            let contract = Samples.contract(version: "1.\(index).0", status: "draft")
            _ = try? registry.apply([try! RegistryFixture.submission(contract)], actor: .localAdmin)
        }
        #expect(try fixture.registry.contractVersions("sales-orders-contract").count == 8)
        let verification = try other.verifyAuditLog()
        #expect(verification.isIntact)
        #expect(verification.entries >= 9)
    }

    /// Replicas starting together on an empty database each ask for the first admin token:
    /// exactly one is minted, whichever registry and thread gets there first.
    @Test func racingForTheFirstAdminTokenMintsExactlyOne() throws {
        let fixture = try RegistryFixture()
        let registries = [fixture.registry, try fixture.reopen()]
        let minted = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            if (try? registries[index % 2].issueFirstAdminToken(description: "replica \(index)")) != nil {
                minted.withLock { $0 += 1 }
            }
        }
        #expect(minted.withLock { $0 } == 1)
        let admins = try fixture.registry.tokens().filter { $0.principal.isAdmin && $0.revokedAt == nil }
        #expect(admins.count == 1)
        #expect(try fixture.registry.issueFirstAdminToken(description: "later") == nil, "a registry with an admin token mints none")
    }

    @Test func refusedAndRolledBackWritesLeaveTheAuditChainWithoutHoles() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain, Samples.contract(), Samples.product()])
        // carol may publish her team's contract, which is audited inside the transaction that the
        // refusal of the product (not her team's) then rolls back.
        let refused = fixture.refusal {
            try fixture.apply([Samples.contract(id: "sales-finance-contract", team: "sales-finance"), Samples.product(status: "deprecated")], as: .user("carol"))
        }
        #expect(refused?.code == .forbidden)
        try fixture.apply([Samples.product(status: "deprecated")])
        let verification = try fixture.registry.verifyAuditLog()
        #expect(verification.isIntact, "\(String(describing: verification.firstBroken))")
        #expect(verification.entries == 5, "three writes, the refusal, the last write")
    }

    @Test(.enabled(if: TestEngine.isSQLite, "SQLite-only: checks the file with PRAGMA integrity_check"))
    func twoWritersOnOneSQLiteFileNeverCorruptIt() throws {
        let fixture = try RegistryFixture()
        try fixture.apply([Samples.salesDomain])
        let registries = [fixture.registry, try fixture.reopen()]
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let registry = registries[index % 2]
            _ = try? registry.apply([try! RegistryFixture.submission(Samples.contract(version: "1.\(index).0", status: "draft"))], actor: .localAdmin)
        }
        #expect(try fixture.connection().query("PRAGMA integrity_check").first?.string("integrity_check") == "ok")
    }

    @Test(.enabled(if: TestEngine.isSQLite, "SQLite-only: a file that is not a database"))
    func foreignDatabaseFilesAreRefusedClearly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("meshreg-foreign-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "not sqlite ", count: 20).utf8)))
        #expect {
            try Registry(path: path)
        } throws: { error in
            (error as? RegistryError)?.message.contains("is not a meshreg database") == true
        }
    }
}
