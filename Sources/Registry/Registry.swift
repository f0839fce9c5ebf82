import FoundationEssentials
import JSON
import MeshModel
import SQL

/// The registry's use cases, shared by the CLI and the HTTP service. Every write is one
/// transaction; every refusal is audited; nothing here knows about HTTP or the terminal.
///
/// Calls block on the database: call them from threads, never from the cooperative pool.
public final class Registry: Sendable {
    let database: any SQLDatabase
    let clock: @Sendable () -> Date
    /// Recently authenticated tokens by their text, for 10 seconds, so a request needs neither a
    /// database read nor a SHA-256 to authenticate; emptied by a revocation here or heard from
    /// elsewhere, and its expired entries dropped by housekeeping (docs/ARCHITECTURE.md, "Caches").
    /// Keys compare as Swift strings (canonically equivalent text is equal), which for the ASCII
    /// tokens meshreg issues is byte equality.
    let tokenCache = GenerationCache<String, Principal>(capacity: 10_000)
    let documents = DocumentCache()
    let notifier = ChangeNotifier()
    /// Current domains, products and contracts; only in a serving registry, which hears every commit.
    let currentRevisions: CurrentRevisionCache?
    public let configuration: RegistryConfiguration
    /// A random id fixed when the database was created; events' source is `/meshreg/<id>`.
    public let registryID: String
    /// Whether this process runs housekeeping now (see `housekeep`).
    let leadsHousekeeping: @Sendable () -> Bool

    /// Opens (creating and migrating) the registry database in the SQLite file at `path`.
    public convenience init(path: String, configuration: RegistryConfiguration = RegistryConfiguration(),
                            clock: @escaping @Sendable () -> Date = { Date() }) throws(RegistryError) {
        try self.init(location: .sqlite(path: path), configuration: configuration, clock: clock)
    }

    /// Opens (creating and migrating) the registry database at `location`: a SQLite file, or a
    /// PostgreSQL database shared with other replicas, reached through at most `connections` connections.
    /// `serving` is for a long-running service (`meshreg serve`): it then hears other processes'
    /// commits (PostgreSQL's replicas on a connection of its own, SQLite's by the file's data
    /// version) and keeps the current documents in memory; a short command does without.
    public init(location: DatabaseLocation, configuration: RegistryConfiguration = RegistryConfiguration(), connections: Int = 8,
                serving: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }) throws(RegistryError) {
        let (notifier, tokenCache) = (notifier, tokenCache)
        // Only a registry that hears other processes' commits may trust a cache of current revisions.
        let currentRevisions = serving ? CurrentRevisionCache() : nil
        self.currentRevisions = currentRevisions
        // Another process may have revoked a token, changed a document, or written events that readers here wait for.
        let afterCommitElsewhere: @Sendable () -> Void = { tokenCache.removeAll(); currentRevisions?.removeAll(); notifier.committed() }
        let opened = try RegistryDatabase.open(location, connections: connections, afterCommit: { notifier.committed() },
                                               afterCommitElsewhere: serving ? afterCommitElsewhere : nil)
        database = currentRevisions.map { CacheBypassingWrites(database: opened, cache: $0) } ?? opened
        leadsHousekeeping = RegistryDatabase.housekeepingLeadership(location)
        do {
            registryID = try database.read(singleStatement: true, RegistryStore.registryID)
        } catch {
            throw RegistryError(.storageFailure, "cannot read the registry at \(location): \(error)")
        }
        self.clock = clock
        self.configuration = configuration
    }

    /// Applies documents all-or-nothing: domains first, then contracts, then products. Every
    /// document is checked even after a failure, so one run reports every problem; when any
    /// fails (or `dryRun` is set) nothing is written.
    @discardableResult
    public func apply(_ submissions: [DocumentSubmission], actor: Principal, dryRun: Bool = false,
                      progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(RegistryError) -> [WriteResult] {
        let outcomes = try runBatch(submissions, actor: actor, dryRun: dryRun, progress: progress)
        let refusals = outcomes.compactMap(\.refusal)
        guard refusals.isEmpty else {
            if !dryRun { auditRefusals(refusals, actor: actor) }
            throw Refusal.combined(refusals, total: submissions.count)
        }
        return outcomes.compactMap(\.result)
    }

    /// Runs every document of a batch in one write transaction, each in its own savepoint, and
    /// commits only when none is refused and `dryRun` is not set. Outcomes come in the order
    /// the documents ran: ones that did not decode first, then domains, contracts, products.
    /// With `assessing`, each outcome also carries the stored document it replaces and what the
    /// checks found. With `prune`, the products and contract versions of the batch's domains
    /// that the batch does not hold are retired after it, products first.
    func runBatch(_ submissions: [DocumentSubmission], actor: Principal, dryRun: Bool, assessing: Bool = false, prune: Bool = false,
                  progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(RegistryError) -> [BatchOutcome] {
        var operations: [Operation] = []
        var outcomes: [BatchOutcome] = []
        for (submission, decoded) in zip(submissions, Operation.decode(submissions, configuration: configuration)) {
            switch decoded {
            case .success(let operation): operations.append(operation)
            case .failure(let error):
                let refusal = Refusal(action: Operation.action(forKind: submission.json["kind"]?.stringValue), target: submission.source ?? "document", domain: nil,
                                      error: RegistryError(.invalidDocument, "\(submission.source ?? "the document") is not a valid document",
                                                           issues: submission.locate(error.issues)))
                outcomes.append(BatchOutcome(submission: submission, operation: nil, refusal: refusal))
            }
        }
        operations.sort { $0.order < $1.order }
        let now = Timestamp.string(from: clock())
        do {
            try database.write { db in
                let store = RegistryStore(db: db, now: now, documents: documents)
                for (index, operation) in operations.enumerated() {
                    var outcome = BatchOutcome(submission: operation.submission, operation: operation)
                    if assessing {
                        outcome.previous = try store.currentDocument(operation.recordKind, operation.target)
                        outcome.assessment = WriteAssessment()
                    }
                    do {
                        outcome.result = try store.db.transaction { try operation.execute(store, actor: actor, assessment: outcome.assessment) }
                    } catch let error as RegistryError {
                        outcome.refusal = Refusal(action: operation.action, target: operation.target, domain: operation.domain, error: error)
                    }
                    outcomes.append(outcome)
                    progress?(index + 1, operations.count)
                }
                if prune { outcomes += try Self.prune(keeping: operations, store: store, actor: actor) }
                if dryRun || outcomes.contains(where: { $0.refusal != nil }) { throw RollBack() }
            }
        } catch is RollBack {
        } catch {
            throw Self.registryError(error)
        }
        return outcomes
    }

    /// Retires what the batch's domains hold and `operations` do not: products, then contract versions.
    private static func prune(keeping operations: [Operation], store: RegistryStore, actor: Principal) throws -> [BatchOutcome] {
        let domains = Set(operations.compactMap(\.domain)).sorted()
        let kept = Set(operations.map { "\($0.recordKind.rawValue) \($0.target)" })
        let products = try store.unretiredProducts(inDomains: domains).filter { !kept.contains("product \($0)") }
        let contracts = try store.unretiredContracts(inDomains: domains).filter { !kept.contains("contract \(RegistryStore.contractKey($0.id, $0.version))") }
        return try products.map { try retire(.product, $0, nil, store: store, actor: actor) }
            + contracts.map { try retire(.contract, $0.id, $0.version, store: store, actor: actor) }
    }

    /// Retires one product (`version` nil) or contract version in its own savepoint.
    private static func retire(_ kind: WriteResult.Kind, _ id: String, _ version: String?, store: RegistryStore, actor: Principal) throws -> BatchOutcome {
        var outcome = BatchOutcome(submission: nil, pruned: (kind, id, version))
        do {
            outcome.result = try store.db.transaction {
                if let version { return try RetireContractVersion(id: id, version: version).execute(store, actor: actor) }
                return try RetireProduct(id: id).execute(store, actor: actor)
            }
        } catch let error as RegistryError {
            let target = version.map { RegistryStore.contractKey(id, $0) } ?? id
            outcome.refusal = Refusal(action: version == nil ? "product.retire" : "contract.retire", target: target, domain: nil,
                                      error: error)
        }
        return outcome
    }

    /// Retires a product, refused while other products read what it publishes.
    @discardableResult
    public func retireProduct(_ id: String, actor: Principal) throws(RegistryError) -> WriteResult {
        try writeAudited(action: "product.retire", target: id, actor: actor) { store in
            try RetireProduct(id: id).execute(store, actor: actor)
        }
    }

    /// Retires one contract version, refused while products still use it.
    @discardableResult
    public func retireContract(_ id: String, version: String, actor: Principal) throws(RegistryError) -> WriteResult {
        try writeAudited(action: "contract.retire", target: RegistryStore.contractKey(id, version), actor: actor) { store in
            try RetireContractVersion(id: id, version: version).execute(store, actor: actor)
        }
    }

    /// A write whose refusal (any error but a storage failure) is audited after the rollback.
    func writeAudited<Result>(action: String, target: String, actor: Principal,
                              _ body: (RegistryStore) throws -> Result) throws(RegistryError) -> Result {
        do {
            return try write(body)
        } catch {
            if ![.busy, .unavailable, .storageFailure].contains(error.code) {
                auditRefusals([Refusal(action: action, target: target, domain: nil, error: error)], actor: actor)
            }
            throw error
        }
    }

    /// Runs `body` in one IMMEDIATE transaction, mapping storage errors to registry errors.
    func write<Result>(_ body: (RegistryStore) throws -> Result) throws(RegistryError) -> Result {
        let now = Timestamp.string(from: clock())
        do {
            return try database.write { db in try body(RegistryStore(db: db, now: now, documents: documents)) }
        } catch {
            throw Self.registryError(error)
        }
    }

    /// Runs `body` on a reader in one snapshot; see `DatabasePool.read` for `singleStatement`.
    func read<Result>(singleStatement: Bool = false, _ body: (RegistryStore) throws -> Result) throws(RegistryError) -> Result {
        do {
            let now = Timestamp.string(from: clock())
            return try database.read(singleStatement: singleStatement) { db in try body(RegistryStore(db: db, now: now, documents: documents)) }
        } catch {
            throw Self.registryError(error)
        }
    }

    static func registryError(_ error: any Error) -> RegistryError {
        switch error {
        case let error as RegistryError: return error
        case let error as any SQLEngineError where error.isBusy:
            return RegistryError(.busy, "the registry database is busy with another writer; try again in a moment")
        case let error as any SQLEngineError where error.isUnrepresentableText:
            return RegistryError(.invalidDocument, "a name or value holds a NUL character, which the registry cannot store; remove it")
        case let error as any SQLEngineError where error.isUnavailable:
            return RegistryError(.unavailable, "the registry database cannot be reached; try again in a moment")
        default: return RegistryError(.storageFailure, "the registry database failed: \(error)")
        }
    }

    /// Refusals are written after the rollback, in their own transaction, so they survive it.
    func auditRefusals(_ refusals: [Refusal], actor: Principal) {
        _ = try? write { store in
            for refusal in refusals {
                try store.audit(refusal.action, refusal.kind, refusal.target, revision: nil, domain: refusal.domain, actor: actor,
                                outcome: .refused, code: refusal.error.code.rawValue, detail: refusal.detail)
            }
        }
    }
}

private struct RollBack: Error {}
