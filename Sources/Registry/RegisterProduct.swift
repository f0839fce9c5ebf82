import JSON
import MeshModel
import Policy

/// Registers a new data product or stores a new revision of an existing one (docs/ARCHITECTURE.md,
/// "Registry rules"):
/// ownership first, then the registry rules, then every reference against the store.
struct RegisterProduct {
    let product: DataProduct
    let submission: DocumentSubmission
    let encoded: EncodedDocument
    let policies: PolicySet
    /// Filled in for a plan: the policy decision, before it may refuse.
    var assessment: WriteAssessment? = nil

    func execute(_ store: RegistryStore, actor: Principal) throws -> WriteResult {
        let ownership = Ownership(store: store, actor: actor)
        let existing = try store.productRecord(product.id)
        if let existing {
            try ownership.requireMember(of: existing.team, toChange: "the product \(product.id)")
        }
        let registrationIssues = product.registrationIssues
        if !registrationIssues.isEmpty {
            throw RegistryError(.invalidDocument, "the product \(product.id) does not meet the registry's rules",
                                issues: submission.locate(registrationIssues))
        }
        guard let domain = product.domain, let team = product.teamName else {
            preconditionFailure("registrationIssues guarantees a domain and a team")
        }
        let teamDomain = try store.domain(ofTeam: team)
        if teamDomain == domain {
            try ownership.requireMember(of: team, toChange: "the product \(product.id)")
        }
        try checkReferences(store, domain: domain, team: team, teamDomain: teamDomain)
        if product.status == .retired { try store.requireNoDependants(ofProduct: product.id) }
        let latest = try store.currentRevision(.product, product.id)
        if let latest, latest.digest == encoded.digest {
            return WriteResult(latest, change: .unchanged)
        }
        let decision = try decide(store, actor: actor, isNew: existing == nil, previous: latest)
        assessment?.decision = decision
        let warnings = try decision.enforce(on: "the product \(product.id)")
        let stored = try store.insertRevision(.product, product.id, document: encoded, original: submission.original,
                                              mediaType: submission.mediaType.rawValue, actor: actor)
        try store.upsertProduct(product, domain: domain, team: team, revision: stored.revision)
        try store.refreshLineage(forProduct: product.id, written: product)
        try store.audit(decision.event.rawValue, .product, product.id, revision: stored.revision, domain: domain, actor: actor,
                        outcome: decision.outcome == .warned ? .warned : .allowed, detail: ["decision": decision.json],
                        known: EventFacts(team: team, previousDigest: latest?.digest, digest: stored.digest),
                        eventAction: product.status == .retired && existing?.status != "retired" && existing != nil ? "product.retire" : nil)
        return WriteResult(stored, change: existing == nil ? .created : .updated, warnings: warnings)
    }

    /// The policies of `product.register` or `product.update` on this product, whose latest stored
    /// revision is `previous`; a Deny refuses the write.
    private func decide(_ store: RegistryStore, actor: Principal, isNew: Bool, previous: StoredDocument?) throws -> Decision {
        let event: PolicyEvent = isNew ? .productRegister : .productUpdate
        guard policies.hasPolicies(for: event) else { return policies.evaluate(event: event, input: PolicyInput()) }
        let context = PolicyContext(store: store, actor: actor)
        var input = PolicyInput([
            .actor: try context.actorJSON(), .product: product.json, .now: .string(store.now),
            .inputs: try context.inputs(of: product),
            .consumers: try context.consumers(of: product.outputPorts.compactMap(\.contractReference), excluding: product.id),
        ])
        input[.previous] = try previous.flatMap { previous in
            try store.documents.json.value(previous.digest) { try JSONParser.parse(previous.documentText) }
        }
        return policies.evaluate(event: event, input: input)
    }

    /// Domain, team (of `teamDomain`, nil when unknown) and every port's contract version must
    /// exist; output ports must publish contracts of the product's own domain and team.
    private func checkReferences(_ store: RegistryStore, domain: String, team: String, teamDomain: String?) throws {
        var issues: [ValidationIssue] = []
        if try !store.domainExists(domain) {
            issues.append(ValidationIssue(pointer: JSONPointer.root / "domain", code: "unknown-domain",
                                          message: "the domain \(domain) is not registered; apply its domain.yaml first"))
        } else if let teamDomain, teamDomain != domain {
            issues.append(ValidationIssue(pointer: JSONPointer.root / "team" / "name", code: "team-not-in-domain",
                                          message: "the team \(team) belongs to the domain \(teamDomain), not \(domain)"))
        } else if teamDomain == nil {
            issues.append(ValidationIssue(pointer: JSONPointer.root / "team" / "name", code: "unknown-team",
                                          message: "the domain \(domain) has no team \(team); add it to the domain's teams first"))
        }
        for port in product.outputPorts {
            guard let contractId = port.contractId else { continue }
            guard let contract = try store.contractRecord(contractId, port.version) else {
                issues.append(ValidationIssue(pointer: port.pointer / "contractId", code: "unknown-contract",
                                              message: "no contract \(contractId) version \(port.version) is published; publish it before the product"))
                continue
            }
            if contract.domain != domain || contract.team != team {
                issues.append(ValidationIssue(pointer: port.pointer / "contractId", code: "contract-owner-mismatch",
                                              message: "the contract \(contractId)@\(port.version) belongs to \(contract.domain)/\(contract.team); an output port must publish a contract of its own product's domain and team (\(domain)/\(team))"))
            }
        }
        let inputs = Set(product.inputPorts.map { ContractReference(id: $0.contractId, version: $0.version) })
        for port in product.inputPorts where !port.isExternal {
            if try store.contractRecord(port.contractId, port.version) == nil {
                issues.append(ValidationIssue(pointer: port.pointer / "contractId", code: "unknown-contract",
                                              message: "no contract \(port.contractId) version \(port.version) is published; fix the reference or mark the port external (customProperties: external: true)"))
            }
        }
        for port in product.outputPorts {
            for (index, reference) in port.inputContracts.enumerated() where !inputs.contains(reference) {
                issues.append(ValidationIssue(pointer: port.pointer / "inputContracts" / index, code: "unknown-input",
                                              message: "\(reference) is not one of the product's input ports; add an input port for it"))
            }
        }
        if !issues.isEmpty {
            throw RegistryError(.unresolvedReference, "the product \(product.id) refers to things the registry does not have",
                                issues: submission.locate(issues))
        }
    }
}
