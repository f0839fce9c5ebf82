import Compatibility
import JSON
import Policy
import SQL

/// The schema-registry use cases behind the Confluent-compatible API: subjects and
/// their versions, schemas by global id, compatibility levels and modes. Every write is one
/// transaction, audited with target kind `subject`; every refused write is audited too.
extension Registry {
    /// Subjects with at least one live version (or any version, with `includeDeleted`).
    public func subjects(includeDeleted: Bool = false, prefix: String = "") throws(SubjectError) -> [String] {
        try subjectRead { store in try store.subjectNames(includeDeleted: includeDeleted, prefix: prefix) }
    }

    /// A subject's version numbers, oldest first; 40401 when it has none.
    public func subjectVersions(_ subject: String, includeDeleted: Bool = false) throws(SubjectError) -> [Int] {
        try subjectRead { store in
            let versions = try store.subjectVersions(subject, includeDeleted: includeDeleted)
            guard !versions.isEmpty else { throw SubjectError.subjectNotFound(subject) }
            return versions.map(\.version)
        }
    }

    public func subjectVersion(_ subject: String, _ selector: SubjectVersionSelector, includeDeleted: Bool = false) throws(SubjectError) -> SubjectVersion {
        try subjectRead { store in
            let record = try Self.find(selector, in: subject, store, includeDeleted: includeDeleted)
            return try Self.subjectVersion(subject, record, store)
        }
    }

    public func registeredSchema(id: Int) throws(SubjectError) -> RegisteredSchema {
        try subjectRead { store in
            guard let schema = try store.schema(id: id) else { throw SubjectError(.schemaNotFound, "Schema \(id) not found") }
            return schema
        }
    }

    /// Where a schema id is used, as `(subject, version)`; 40403 for an unknown id.
    public func schemaUsages(id: Int, includeDeleted: Bool = false) throws(SubjectError) -> [(subject: String, version: Int)] {
        try subjectRead { store in
            guard try store.schema(id: id) != nil else { throw SubjectError(.schemaNotFound, "Schema \(id) not found") }
            return try store.schemaUsages(id, includeDeleted: includeDeleted)
        }
    }

    /// Registers a schema under a subject and returns its global id. A schema already live in
    /// the subject returns its id unchecked; a new version is checked against the subject's level.
    public func registerSchema(_ submission: SchemaSubmission, subject: String, actor: Principal) throws(SubjectError) -> Int {
        try registerSchema(SubjectRegistration(subject: subject, submission: submission), actor: actor)
    }

    /// Registers a schema with its data-contract fields; see ``registerSchema(_:subject:actor:)``.
    public func registerSchema(_ registration: SubjectRegistration, actor: Principal) throws(SubjectError) -> Int {
        try subjectWrite(action: "subject.register", target: registration.subject, actor: actor) { store in
            try Self.register(registration, store: store, actor: actor, configuration: configuration)
        }
    }

    /// The registration inside a write: ownership, mode, the driving contract, compatibility,
    /// policies. Contract publishing calls it too, in the publish's own transaction.
    static func register(_ registration: SubjectRegistration, store: RegistryStore, actor: Principal,
                         configuration: RegistryConfiguration) throws -> Int {
        let (subject, submission) = (registration.subject, registration.submission)
        // Read once for both the ownership and the driving contract.
        let topicContracts = try SubjectOwnership.topic(ofSubject: subject).map(store.contractVersions(namingKafkaTopic:)) ?? []
        try SubjectOwnership(store: store, actor: actor, openSubjects: configuration.openSubjects).requireWrite(subject, topicContracts: topicContracts)
        if try Self.mode(of: subject, store) == .readOnly {
            throw SubjectError(.operationNotPermitted, "Subject '\(subject)' is in read-only mode; set its mode to READWRITE to register schemas")
        }
        let live = try store.subjectVersions(subject, includeDeleted: false)
        let schema = try Self.newVersion(submission, subject: subject, latest: live.last, store)
        let existingID = try store.schemaID(schema, normalized: submission.normalize)
        if let existingID, live.contains(where: { $0.schemaID == existingID }) { return existingID }
        if registration.projectedFrom == nil { try ContractConformance.require(schema, subject: subject, topicContracts: topicContracts) }
        let mode = try Self.compatibility(of: subject, store)
        let report = try Self.check(schema, against: live, mode: mode, store)
        guard report.isCompatible else {
            let details = report.breakingFindings.map(Self.describe).joined(separator: "; ")
            throw SubjectError(.incompatible, "Schema being registered is incompatible with an earlier schema for subject \"\(subject)\", details: [\(details)]")
        }
        let decision = try decideRegistration(schema, subject: subject, report: report, store: store, actor: actor, policies: configuration.policies)
        if decision.outcome == .denied {
            let denials = decision.violations.filter { $0.severity == .deny }.map { "\($0.policy): \($0.message)" }
            throw SubjectError(.operationNotPermitted, "Schema registration refused by policy: \(denials.joined(separator: "; "))")
        }
        let id = try existingID ?? store.insertSchema(schema)
        let version = try store.nextSubjectVersion(subject)
        try store.insertSubjectVersion(subject, version: version, schemaID: id)
        var detail: JSONObject = ["id": .integer(Int64(id)), "version": .integer(Int64(version)), "schemaType": .string(schema.type.confluentName),
                                  "decision": decision.json]
        for (key, value) in registration.auditDetail { detail[key] = value }
        try store.audit("subject.register", .subject, subject, revision: version, domain: nil, actor: actor,
                        outcome: decision.outcome == .warned ? .warned : .allowed, detail: .object(detail))
        return id
    }

    /// The schema a registration adds: references resolved, and metadata and rule set merged
    /// with the subject's (or global) defaults and overrides and the latest version's, as
    /// Confluent does (docs/ARCHITECTURE.md, "Confluent-compatible API").
    private static func newVersion(_ submission: SchemaSubmission, subject: String, latest: SubjectVersionRecord?,
                                   _ store: RegistryStore) throws -> SubjectSchema {
        var schema = try parse(submission, store)
        let previous = try latest.flatMap { try store.schema(id: $0.schemaID) }
        let defaults = try dataContractDefaults(of: subject, store)
        (schema.metadata, schema.ruleSet) = defaults.apply(metadata: submission.metadata, ruleSet: submission.ruleSet, previous: previous)
        if schema.ruleSet != submission.ruleSet { try schema.ruleSet?.validate(at: .root / "ruleSet") }
        return schema
    }

    /// A submission parsed with its references resolved.
    private static func parse(_ submission: SchemaSubmission, _ store: RegistryStore) throws -> SubjectSchema {
        let (references, dependencies) = try SchemaReferenceResolver(store: store).resolve(submission.references, type: submission.schemaType)
        return try SubjectSchema(submission, references: references, dependencies: dependencies)
    }

    /// The policies of `subject.register`: the subject, the change, the actor.
    private static func decideRegistration(_ schema: SubjectSchema, subject: String, report: CompatibilityReport, store: RegistryStore,
                                           actor: Principal, policies: PolicySet) throws -> Decision {
        guard policies.hasPolicies(for: .subjectRegister) else {
            return policies.evaluate(event: .subjectRegister, input: PolicyInput())
        }
        let input = PolicyInput([
            .subject: ["name": .string(subject), "schemaType": .string(schema.type.confluentName), "schema": .string(schema.text)],
            .change: report.json, .actor: try PolicyContext(store: store, actor: actor).actorJSON(), .now: .string(store.now),
        ])
        return policies.evaluate(event: .subjectRegister, input: input)
    }

    /// The subject's version holding this schema with these references (the newest one); 40403
    /// when there is none. Metadata and rule set are matched only when the submission has them.
    public func lookUpSchema(_ submission: SchemaSubmission, subject: String, includeDeleted: Bool = false) throws(SubjectError) -> SubjectVersion {
        try subjectRead { store in
            let versions = try store.subjectVersions(subject, includeDeleted: includeDeleted)
            guard !versions.isEmpty else { throw SubjectError.subjectNotFound(subject) }
            let schema = try Self.parse(submission, store)
            let ids: Set<Int>
            if submission.metadata == nil && submission.ruleSet == nil {
                ids = try store.schemaIDs(matching: schema, normalized: submission.normalize)
            } else {
                ids = Set([try store.schemaID(schema, normalized: submission.normalize)].compactMap { $0 })
            }
            guard let record = versions.last(where: { ids.contains($0.schemaID) }) else {
                throw SubjectError(.schemaNotFound, "Schema not found in subject '\(subject)'")
            }
            return try Self.subjectVersion(subject, record, store)
        }
    }

    /// Tests a schema against one version, or (`selector` nil) against what registration would
    /// check: the latest live version, or all of them under a transitive level.
    public func testCompatibility(_ submission: SchemaSubmission, subject: String, against selector: SubjectVersionSelector?) throws(SubjectError) -> SubjectCompatibility {
        try subjectRead { store in
            let schema = try Self.parse(submission, store)
            let mode = try Self.compatibility(of: subject, store)
            let versions: [SubjectVersionRecord]
            if let selector {
                versions = [try Self.find(selector, in: subject, store, includeDeleted: false)]
            } else {
                versions = try store.subjectVersions(subject, includeDeleted: false)
            }
            let pairMode = selector == nil ? mode : Self.nonTransitive(mode)
            let report = try Self.check(schema, against: versions, mode: pairMode, store)
            let compared = pairMode.isTransitive ? versions : Array(versions.suffix(1))
            return SubjectCompatibility(report: report, mode: mode, versions: compared.map(\.version))
        }
    }

    /// Soft-deletes every live version (40404 when already soft-deleted), or with `permanent`
    /// removes a soft-deleted subject (40405 when it was not soft-deleted first). Returns the versions.
    public func deleteSubject(_ subject: String, permanent: Bool, actor: Principal) throws(SubjectError) -> [Int] {
        try subjectWrite(action: "subject.delete", target: subject, actor: actor) { store in
            try SubjectOwnership(store: store, actor: actor, openSubjects: configuration.openSubjects).requireWrite(subject)
            let all = try store.subjectVersions(subject, includeDeleted: true)
            guard !all.isEmpty else { throw SubjectError.subjectNotFound(subject) }
            let live = all.filter { !$0.isDeleted }
            for record in permanent ? all : live { try Self.requireUnreferenced(subject, record.version, store) }
            if permanent {
                guard live.isEmpty else {
                    throw SubjectError(.subjectNotSoftDeleted, "Subject '\(subject)' was not deleted first before being permanently deleted")
                }
                try store.removeSubjectVersions(subject, version: nil)
                try store.removeSubjectSetting(.compatibility, subject)
                try store.removeSubjectSetting(.mode, subject)
                try store.removeDataContractDefaults(subject)
            } else {
                guard !live.isEmpty else {
                    throw SubjectError(.subjectSoftDeleted, "Subject '\(subject)' was soft deleted. Set permanent=true to delete permanently")
                }
                try store.softDeleteSubjectVersions(subject, version: nil)
            }
            let versions = (permanent ? all : live).map(\.version)
            try store.audit(permanent ? "subject.delete-permanent" : "subject.delete", .subject, subject, revision: nil, domain: nil, actor: actor,
                            detail: ["versions": .array(versions.map { .integer(Int64($0)) })])
            return versions
        }
    }

    /// Soft-deletes one version (40406 when already soft-deleted), or with `permanent` removes a
    /// soft-deleted one (40407 when it was not soft-deleted first). Returns the version number.
    public func deleteSubjectVersion(_ subject: String, _ selector: SubjectVersionSelector, permanent: Bool, actor: Principal) throws(SubjectError) -> Int {
        try subjectWrite(action: "subject.delete-version", target: subject, actor: actor) { store in
            try SubjectOwnership(store: store, actor: actor, openSubjects: configuration.openSubjects).requireWrite(subject)
            let record = try Self.find(selector, in: subject, store, includeDeleted: permanent)
            try Self.requireUnreferenced(subject, record.version, store)
            if permanent {
                guard record.isDeleted else {
                    throw SubjectError(.versionNotSoftDeleted, "Subject '\(subject)' Version \(record.version) was not deleted first before being permanently deleted")
                }
                try store.removeSubjectVersions(subject, version: record.version)
            } else {
                try store.softDeleteSubjectVersions(subject, version: record.version)
            }
            try store.audit(permanent ? "subject.delete-version-permanent" : "subject.delete-version", .subject, subject,
                            revision: record.version, domain: nil, actor: actor, detail: ["version": .integer(Int64(record.version))])
            return record.version
        }
    }

    /// The compatibility level set on a subject (or, for nil, the global one), if any.
    public func compatibilityLevel(subject: String?) throws(SubjectError) -> CompatibilityMode? {
        try subjectRead { store in
            try store.subjectSetting(.compatibility, subject ?? RegistryStore.globalSubject).flatMap(CompatibilityMode.init(name:))
        }
    }

    /// The level registration uses: the subject's, else the global one, else BACKWARD.
    public func effectiveCompatibilityLevel(subject: String?) throws(SubjectError) -> CompatibilityMode {
        try subjectRead { store in try Self.compatibility(of: subject ?? RegistryStore.globalSubject, store) }
    }

    /// Sets a subject's level (its owners) or, for nil, the global one (admins).
    public func setCompatibilityLevel(_ mode: CompatibilityMode, subject: String?, actor: Principal) throws(SubjectError) {
        try updateConfig(compatibility: mode, contract: DataContractDefaultsUpdate(), subject: subject, actor: actor)
    }

    /// Changes a subject's config (its owners) or, for nil, the global one (admins): the level
    /// when given, and the data-contract defaults and overrides `contract` names.
    public func updateConfig(compatibility mode: CompatibilityMode?, contract: DataContractDefaultsUpdate, subject: String?,
                             actor: Principal) throws(SubjectError) {
        try subjectWrite(action: "subject.config", target: subject ?? "(global)", actor: actor) { store in
            try requireSettingWrite(subject, store, actor: actor, what: "the global config")
            let name = subject ?? RegistryStore.globalSubject
            var detail: JSONObject = [:]
            if let mode {
                try store.setSubjectSetting(.compatibility, name, value: mode.rawValue)
                detail["compatibility"] = .string(mode.rawValue)
            }
            if !contract.isEmpty {
                let updated = contract.applied(to: try store.dataContractDefaults(name))
                try store.setDataContractDefaults(name, updated)
                for (key, value) in updated.jsonFields { detail[key] = value }
            }
            try store.audit("subject.config", .subject, subject ?? "(global)", revision: nil, domain: nil, actor: actor, detail: .object(detail))
        }
    }

    /// The data-contract defaults and overrides set on a subject (or, for nil, globally); with
    /// `fallingBack`, each one the subject lacks taken from the global config.
    public func dataContractDefaults(subject: String?, fallingBack: Bool = false) throws(SubjectError) -> DataContractDefaults {
        try subjectRead { store in
            fallingBack ? try Self.dataContractDefaults(of: subject ?? RegistryStore.globalSubject, store)
                : try store.dataContractDefaults(subject ?? RegistryStore.globalSubject)
        }
    }

    /// Removes a subject's config (level and data-contract settings) and returns what it was;
    /// 40408 when nothing was set.
    public func deleteConfig(subject: String, actor: Principal) throws(SubjectError) -> (level: CompatibilityMode?, contract: DataContractDefaults) {
        try subjectWrite(action: "subject.config-delete", target: subject, actor: actor) { store in
            try requireSettingWrite(subject, store, actor: actor, what: "")
            let current = try store.subjectSetting(.compatibility, subject).flatMap(CompatibilityMode.init(name:))
            let contract = try store.dataContractDefaults(subject)
            guard current != nil || !contract.isEmpty else {
                throw SubjectError(.subjectConfigNotFound, "Subject '\(subject)' does not have subject-level compatibility configured")
            }
            try store.removeSubjectSetting(.compatibility, subject)
            try store.removeDataContractDefaults(subject)
            try store.audit("subject.config-delete", .subject, subject, revision: nil, domain: nil, actor: actor,
                            detail: ["compatibility": current.map { .string($0.rawValue) } ?? .null])
            return (current, contract)
        }
    }

    /// The mode of a subject (falling back to the global one), or for nil the global mode.
    public func subjectMode(subject: String?) throws(SubjectError) -> SubjectMode {
        try subjectRead { store in try Self.mode(of: subject ?? RegistryStore.globalSubject, store) }
    }

    public func setSubjectMode(_ mode: SubjectMode, subject: String?, actor: Principal) throws(SubjectError) {
        try subjectWrite(action: "subject.mode", target: subject ?? "(global)", actor: actor) { store in
            try requireSettingWrite(subject, store, actor: actor, what: "the global mode")
            try store.setSubjectSetting(.mode, subject ?? RegistryStore.globalSubject, value: mode.rawValue)
            try store.audit("subject.mode", .subject, subject ?? "(global)", revision: nil, domain: nil, actor: actor,
                            detail: ["mode": .string(mode.rawValue)])
        }
    }

    /// Removes a subject's own mode, so the global one applies again; returns the removed mode.
    public func deleteSubjectMode(subject: String, actor: Principal) throws(SubjectError) -> SubjectMode {
        try subjectWrite(action: "subject.mode-delete", target: subject, actor: actor) { store in
            try requireSettingWrite(subject, store, actor: actor, what: "")
            guard let current = try store.subjectSetting(.mode, subject).flatMap(SubjectMode.init(rawValue:)) else {
                throw SubjectError(.subjectModeNotFound, "Subject '\(subject)' does not have subject-level mode configured")
            }
            try store.removeSubjectSetting(.mode, subject)
            try store.audit("subject.mode-delete", .subject, subject, revision: nil, domain: nil, actor: actor, detail: ["mode": .string(current.rawValue)])
            return current
        }
    }

    /// The ids of schemas whose live versions reference `subject` at this version, ascending
    /// (Confluent's `referencedby`); with `includeDeleted`, soft-deleted referrers too.
    public func referencedBy(_ subject: String, _ selector: SubjectVersionSelector, includeDeleted: Bool = false) throws(SubjectError) -> [Int] {
        try subjectRead { store in
            let record = try Self.find(selector, in: subject, store, includeDeleted: true)
            return try store.referrers(subject, version: record.version, includeDeleted: includeDeleted)
        }
    }

    /// The latest live version of `subject` whose metadata has every one of `properties`; 40403
    /// when none has (Confluent's `GET /subjects/{subject}/metadata`).
    public func latestVersion(_ subject: String, withMetadata properties: [(key: String, value: String)],
                              includeDeleted: Bool = false) throws(SubjectError) -> SubjectVersion {
        try subjectRead { store in
            let versions = try store.subjectVersions(subject, includeDeleted: includeDeleted)
            guard !versions.isEmpty else { throw SubjectError.subjectNotFound(subject) }
            for record in versions.reversed() {
                let version = try Self.subjectVersion(subject, record, store)
                let stored = version.schema.metadata?.properties ?? [:]
                if properties.allSatisfy({ stored[$0.key] == $0.value }) { return version }
            }
            let wanted = properties.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            throw SubjectError(.schemaNotFound, "No version of subject '\(subject)' has the metadata \(wanted)")
        }
    }

    /// The schemas a version's references bring in, for serving it in another format.
    public func dependencies(of schema: RegisteredSchema) throws(SubjectError) -> [String: String] {
        try subjectRead { store in
            SchemaDocument(json: .null, dependencies: try SchemaReferenceResolver(store: store).dependencies(of: schema)).dependencyTexts
        }
    }

    // MARK: Helpers

    /// Throws 42206 while any schema used by a subject version (live or soft-deleted) references this version.
    private static func requireUnreferenced(_ subject: String, _ version: Int, _ store: RegistryStore) throws {
        let referrers = try store.referrers(subject, version: version, includeDeleted: true)
        guard referrers.isEmpty else {
            throw SubjectError(.referenceExists, "One or more references exist to the schema {subject=\(subject), version=\(version)}: schemas \(referrers.map(String.init).joined(separator: ", ")) reference it. Delete the versions that use them permanently first.")
        }
    }

    private static func dataContractDefaults(of subject: String, _ store: RegistryStore) throws -> DataContractDefaults {
        let own = try store.dataContractDefaults(subject)
        return subject == RegistryStore.globalSubject ? own : own.fallingBack(to: try store.dataContractDefaults(RegistryStore.globalSubject))
    }

    private func requireSettingWrite(_ subject: String?, _ store: RegistryStore, actor: Principal, what: String) throws {
        let ownership = SubjectOwnership(store: store, actor: actor, openSubjects: configuration.openSubjects)
        if let subject { try ownership.requireWrite(subject) } else { try ownership.requireAdmin(toChange: what) }
    }

    private static func find(_ selector: SubjectVersionSelector, in subject: String, _ store: RegistryStore,
                             includeDeleted: Bool) throws -> SubjectVersionRecord {
        let versions = try store.subjectVersions(subject, includeDeleted: includeDeleted)
        guard !versions.isEmpty else { throw SubjectError.subjectNotFound(subject) }
        switch selector {
        case .latest:
            return versions[versions.count - 1]
        case .number(let number):
            guard let record = versions.first(where: { $0.version == number }) else { throw SubjectError.versionNotFound(subject, selector) }
            return record
        }
    }

    private static func subjectVersion(_ subject: String, _ record: SubjectVersionRecord, _ store: RegistryStore) throws -> SubjectVersion {
        guard let schema = try store.schema(id: record.schemaID) else {
            throw SubjectError(.storeError, "Schema \(record.schemaID) of subject '\(subject)' version \(record.version) is missing")
        }
        return SubjectVersion(subject: subject, version: record.version, schema: schema, isDeleted: record.isDeleted)
    }

    private static func compatibility(of subject: String, _ store: RegistryStore) throws -> CompatibilityMode {
        for name in [subject, RegistryStore.globalSubject] {
            if let level = try store.subjectSetting(.compatibility, name).flatMap(CompatibilityMode.init(name:)) { return level }
        }
        return SchemaType.avro.defaultMode
    }

    private static func mode(of subject: String, _ store: RegistryStore) throws -> SubjectMode {
        for name in [subject, RegistryStore.globalSubject] {
            if let mode = try store.subjectSetting(.mode, name).flatMap(SubjectMode.init(rawValue:)) { return mode }
        }
        return .readWrite
    }

    private static func nonTransitive(_ mode: CompatibilityMode) -> CompatibilityMode {
        switch mode {
        case .backwardTransitive: .backward
        case .forwardTransitive: .forward
        case .fullTransitive: .full
        default: mode
        }
    }

    /// Checks `schema` against the given versions (oldest first) under `mode`. A version of
    /// another schema type can never be compatible.
    private static func check(_ schema: SubjectSchema, against versions: [SubjectVersionRecord], mode: CompatibilityMode,
                              _ store: RegistryStore) throws -> CompatibilityReport {
        guard mode != .none, !versions.isEmpty else { return CompatibilityReport(mode: mode, findings: []) }
        let compared = mode.isTransitive ? versions : Array(versions.suffix(1))
        let resolver = SchemaReferenceResolver(store: store)
        var previous: [SchemaDocument] = []
        for record in compared {
            guard let stored = try store.schema(id: record.schemaID) else { continue }
            guard stored.schemaType == schema.type else {
                let finding = CompatibilityFinding(
                    rule: "schema-type-changed", oldPath: .root, newPath: .root, expected: stored.schemaType.confluentName,
                    found: schema.type.confluentName, verdict: .breaking,
                    message: "version \(record.version) is a \(stored.schemaType.confluentName) schema; a subject cannot change its schema type",
                    direction: .backward)
                return CompatibilityReport(mode: mode, findings: [finding])
            }
            previous.append(SchemaDocument(json: (try? schema.type.document(text: stored.schema)) ?? .null,
                                           dependencies: try resolver.dependencies(of: stored)))
        }
        do {
            return try schema.type.check(new: schema.document, against: previous, mode: mode)
        } catch {
            throw SubjectError(.invalidSchema, "Invalid schema: \(error.message)")
        }
    }

    /// One finding as a line for people: rule, paths and message.
    public static func describe(_ finding: CompatibilityFinding) -> String {
        var paths: [String] = []
        if let old = finding.oldPath { paths.append("old \(old.description.isEmpty ? "/" : old.description)") }
        if let new = finding.newPath { paths.append("new \(new.description.isEmpty ? "/" : new.description)") }
        return "\(finding.rule) at \(paths.joined(separator: ", ")): \(finding.message)"
    }

    /// A read in one snapshot, storage failures mapped to 50001/50002.
    private func subjectRead<Result>(_ body: (RegistryStore) throws -> Result) throws(SubjectError) -> Result {
        do {
            return try database.read { db in try body(RegistryStore(db: db, now: "", documents: documents)) }
        } catch {
            throw Self.subjectError(error)
        }
    }

    /// A write in one IMMEDIATE transaction; a refusal rolls it back and is then audited on its own.
    private func subjectWrite<Result>(action: String, target: String, actor: Principal,
                                      _ body: (RegistryStore) throws -> Result) throws(SubjectError) -> Result {
        let now = Timestamp.string(from: clock())
        do {
            return try database.write { db in try body(RegistryStore(db: db, now: now, documents: documents)) }
        } catch {
            let refusal = Self.subjectError(error)
            if refusal.code != .storeError && refusal.code != .storeTimeout {
                _ = try? database.write { db in
                    try RegistryStore(db: db, now: now, documents: documents).audit(action, .subject, target, revision: nil, domain: nil, actor: actor, outcome: .refused,
                                                              code: String(refusal.code.rawValue), detail: ["message": .string(refusal.message)])
                }
            }
            throw refusal
        }
    }

    private static func subjectError(_ error: any Error) -> SubjectError {
        switch error {
        case let error as SubjectError: return error
        case let error as any SQLEngineError where error.isBusy || error.isUnavailable:
            return SubjectError(.storeTimeout, "the registry database is busy with another writer; try again in a moment")
        case let error as RegistryError: return SubjectError(.storeError, error.message)
        default: return SubjectError(.storeError, "Error in the backend data store: \(error)")
        }
    }
}
