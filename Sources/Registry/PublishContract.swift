import Compatibility
import ContractProjection
import JSON
import MeshModel
import Policy

/// Publishes a contract version, or a new revision of one still in draft. Once a
/// version is active its content is frozen: only its status may move on (to deprecated, then
/// retired); any other change needs a new version.
struct PublishContract {
    let contract: DataContract
    let submission: DocumentSubmission
    let encoded: EncodedDocument
    /// The default compatibility mode, the policies, and who may write subjects.
    let configuration: RegistryConfiguration
    /// Filled in for a plan: the evolution and the decision, before either may refuse.
    var assessment: WriteAssessment? = nil

    func execute(_ store: RegistryStore, actor: Principal) throws -> WriteResult {
        let ownership = Ownership(store: store, actor: actor)
        let versionText = contract.version?.description ?? contract.versionText
        let existing = try store.contractRecord(contract.id, versionText)
        let target = "the contract \(contract.id)@\(versionText)"
        if let existing { try ownership.requireMember(of: existing.team, toChange: target) }
        var registrationIssues = contract.registrationIssues
        if contract.teamName == nil {
            registrationIssues.append(ValidationIssue(pointer: JSONPointer.root / "team", code: ValidationIssue.Code.missingField,
                                                      message: "the registry needs team.name to know which team owns the contract; name the team of its product"))
        }
        guard registrationIssues.isEmpty, let version = contract.version, let domain = contract.domain, let team = contract.teamName else {
            throw RegistryError(.invalidDocument, "\(target) does not meet the registry's rules",
                                issues: submission.locate(registrationIssues))
        }
        if try store.domain(ofTeam: team) == domain { try ownership.requireMember(of: team, toChange: target) }
        try checkReferences(store, domain: domain, team: team)
        let key = RegistryStore.contractKey(contract.id, version.description)
        if let latest = try store.currentRevision(.contract, key), latest.digest == encoded.digest {
            return WriteResult(latest, change: .unchanged)
        }
        var evolution: ContractEvolution?
        if let existing {
            try checkChangeAllowed(store, existing: existing, key: key)
        } else {
            evolution = try ContractEvolution(contract: contract, version: version, defaultMode: configuration.defaultContractCompatibility, store: store)
            assessment?.evolution = evolution
            try evolution?.enforce()
        }
        if contract.status == .retired {
            let users = try store.productsUsing(contract: contract.id, version: version.description)
            if !users.isEmpty {
                throw RegistryError(.hasDependants, "\(target) is still read or published by products; they must move off it before it is retired",
                                    dependants: users.map { "product:\($0)" })
            }
        }
        let decision = try decide(store, actor: actor, version: version, evolution: evolution)
        assessment?.decision = decision
        let warnings = try decision.enforce(on: target)
        let stored = try store.insertRevision(.contract, key, document: encoded, original: submission.original,
                                              mediaType: submission.mediaType.rawValue, actor: actor)
        try store.upsertContract(contract, version: version, domain: domain, team: team, revision: stored.revision)
        store.documents.contracts.remember(contract, digest: stored.digest)
        try store.refreshLineage(forContract: contract.id, version: version.description)
        try projectOntoSubjects(store, actor: actor, version: version)
        try store.audit(existing == nil ? "contract.publish" : "contract.update", .contract, key, revision: stored.revision, domain: domain,
                        actor: actor, outcome: decision.outcome == .warned ? .warned : .allowed, detail: ["decision": decision.json],
                        eventAction: Self.eventAction(existing: existing, status: contract.status?.rawValue))
        return WriteResult(stored, change: existing == nil ? .created : .updated, warnings: warnings)
    }

    /// A new status of an existing version is a deprecation or a retirement; nil keeps the audit action.
    private static func eventAction(existing: ContractRecord?, status: String?) -> String? {
        guard let existing, let status, status != existing.status else { return nil }
        switch status {
        case "deprecated": return "contract.deprecate"
        case "retired": return "contract.retire"
        default: return nil
        }
    }

    /// An active version of a contract that drives its subjects registers its projection on
    /// each Kafka topic's value subject, under that subject's compatibility level
    /// (docs/contract-projection.md, "Publishing").
    private func projectOntoSubjects(_ store: RegistryStore, actor: Principal, version: SemanticVersion) throws {
        guard contract.status == .active, ContractProjection.drivesSubject(contract) else { return }
        let reference = "\(contract.id)@\(version)"
        let projections: [ContractProjection]
        do {
            projections = try ContractProjection.all(of: contract)
        } catch {
            throw RegistryError(.invalidDocument, "the contract \(reference) drives its Kafka subjects but cannot be projected onto them",
                                issues: submission.locate([ValidationIssue(pointer: error.pointer, code: error.code.rawValue, message: error.message)]))
        }
        for projection in projections {
            do {
                _ = try Registry.register(try SubjectRegistration(projection, contract: reference), store: store, actor: actor, configuration: configuration)
            } catch let refusal as SubjectError {
                let code: RegistryError.Code = switch refusal.code {
                case .incompatible: .incompatible
                case .forbidden: .forbidden
                case .operationNotPermitted: .policyViolation
                default: .invalidDocument
                }
                throw RegistryError(code, "the contract \(reference) cannot register its projection on subject \(projection.subject): \(refusal.message)",
                                    details: ["subject": .string(projection.subject), "errorCode": .integer(Int64(refusal.code.rawValue))])
            }
        }
    }

    /// The policies of `contract.publish`, with the change against the previous version.
    private func decide(_ store: RegistryStore, actor: Principal, version: SemanticVersion, evolution: ContractEvolution?) throws -> Decision {
        let policies = configuration.policies
        guard policies.hasPolicies(for: .contractPublish) else { return policies.evaluate(event: .contractPublish, input: PolicyInput()) }
        let context = PolicyContext(store: store, actor: actor)
        let previous = try store.previousContractVersion(contract.id, below: version)
        var change: JSONObject = evolution.flatMap { $0.report.json.objectValue } ?? ["changeClass": "none", "findings": []]
        change["version"] = .string(version.description)
        change["previousVersion"] = previous.map { .string($0.version.description) } ?? .null
        change["bump"] = .string(previous.map { SemanticVersion.bump(from: $0.version, to: version) } ?? "none")
        var input = PolicyInput([
            .actor: try context.actorJSON(), .contract: contract.json, .now: .string(store.now), .change: .object(change),
            .consumers: try context.consumers(of: [ContractReference(id: contract.id, version: version.description)]),
        ])
        input[.previousContract] = previous?.document
        if let producer = try store.outputPort(publishing: ContractReference(id: contract.id, version: version.description))?.product {
            input[.product] = try store.currentDocument(.product, producer)
        }
        return policies.evaluate(event: .contractPublish, input: input)
    }

    private func checkReferences(_ store: RegistryStore, domain: String, team: String) throws {
        var issues: [ValidationIssue] = []
        if try !store.domainExists(domain) {
            issues.append(ValidationIssue(pointer: JSONPointer.root / "domain", code: "unknown-domain",
                                          message: "the domain \(domain) is not registered; apply its domain.yaml first"))
        } else if let teamDomain = try store.domain(ofTeam: team), teamDomain != domain {
            issues.append(ValidationIssue(pointer: JSONPointer.root / "team", code: "team-not-in-domain",
                                          message: "the team \(team) belongs to the domain \(teamDomain), not \(domain)"))
        } else if try store.domain(ofTeam: team) == nil {
            issues.append(ValidationIssue(pointer: JSONPointer.root / "team", code: "unknown-team",
                                          message: "the domain \(domain) has no team \(team); add it to the domain's teams first"))
        }
        if !issues.isEmpty {
            throw RegistryError(.unresolvedReference, "the contract \(contract.id) refers to things the registry does not have",
                                issues: submission.locate(issues))
        }
    }

    /// A frozen version may only change its status, and only forward.
    private func checkChangeAllowed(_ store: RegistryStore, existing: ContractRecord, key: String) throws {
        let frozen: [String: Int] = ["active": 0, "deprecated": 1, "retired": 2]
        guard let currentRank = frozen[existing.status] else { return }
        let current = try store.currentDocument(.contract, key)
        let statusOnly = current.map(Self.withoutStatus) == Self.withoutStatus(contract.json)
        let forward = (frozen[contract.status?.rawValue ?? ""] ?? -1) > currentRank
        guard statusOnly && forward else {
            let next = contract.version.map { "\($0.major).\($0.minor + 1).0" } ?? "a higher version"
            throw RegistryError(.immutableVersion, "the contract \(key) is \(existing.status) and cannot change; publish the change as a new version (e.g. \(next)). Only its status may move on: active → deprecated → retired.")
        }
    }

    private static func withoutStatus(_ document: JSONValue) -> JSONValue {
        guard case .object(var object) = document else { return document }
        object["status"] = nil
        return .object(object)
    }
}
