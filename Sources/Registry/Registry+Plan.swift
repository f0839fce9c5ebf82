import JSON
import MeshModel

extension Registry {
    /// What applying `submissions` would do, document by document: the action, the field-level
    /// diff against the registered document, a contract's findings and semver verdict, the
    /// policy decision and, for a breaking contract change, who reads what breaks. With
    /// `commit` the documents are applied all-or-nothing as by ``apply(_:actor:dryRun:progress:)``
    /// and refusals are audited; applying what is already registered writes nothing. With
    /// `prune`, what the documents' domains hold and the documents do not is retired (`retire`),
    /// or refused while something still depends on it.
    public func plan(_ submissions: [DocumentSubmission], actor: Principal, commit: Bool = false, prune: Bool = false) throws(RegistryError) -> ApplyPlan {
        let outcomes = try runBatch(submissions, actor: actor, dryRun: !commit, assessing: true, prune: prune)
        let refusals = outcomes.compactMap(\.refusal)
        if commit, !refusals.isEmpty { auditRefusals(refusals, actor: actor) }
        var documents = outcomes.map(Self.planned)
        var lineage: LineageService?
        for index in documents.indices {
            guard let evolution = documents[index].evolution, !evolution.report.breakingFindings.isEmpty else { continue }
            if lineage == nil { lineage = try LineageService(registry: self) }
            documents[index].impact = try? lineage?.impact(of: evolution)
        }
        return ApplyPlan(documents: documents, applied: commit && refusals.isEmpty)
    }

    private static func planned(_ outcome: BatchOutcome) -> PlannedDocument {
        if let pruned = outcome.pruned {
            return PlannedDocument(path: nil, kind: pruned.kind == .product ? "DataProduct" : "DataContract", id: pruned.id, version: pruned.version,
                                   action: outcome.refusal == nil ? .retire : .refuse, refusal: outcome.refusal?.error)
        }
        let json = outcome.submission?.json ?? .null
        var planned = PlannedDocument(path: outcome.submission?.source, kind: json["kind"]?.stringValue,
                                      id: (json["id"] ?? json["name"])?.stringValue, version: json["version"]?.stringValue, action: .refuse)
        switch outcome.operation?.document {
        case .domain(let domain)?: (planned.id, planned.version) = (domain.name, nil)
        case .contract(let contract)?: planned.id = contract.id
        case .product(let product)?: planned.id = product.id
        case nil: break
        }
        switch outcome.result?.change {
        case .created?: planned.action = .add
        case .updated?: planned.action = .change
        case .unchanged?: planned.action = .unchanged
        case .retired?: planned.action = .retire
        case nil: planned.action = .refuse
        }
        if let previous = outcome.previous, planned.action != .unchanged {
            planned.diff = JSONDifference.between(previous, json)
        }
        planned.evolution = outcome.assessment?.evolution
        planned.violations = outcome.assessment?.decision?.violations ?? []
        planned.refusal = outcome.refusal?.error
        return planned
    }
}
