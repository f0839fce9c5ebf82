import JSON
import MeshModel

/// What the URL of a single-document write promises about the document (the HTTP API's PUTs).
public struct WriteTarget: Sendable, Hashable {
    public var kind: DocumentKind
    /// The id (or domain name) in the URL; the document must carry the same.
    public var key: String
    /// `If-Match`: the revision the client last read; nil to write unconditionally.
    public var expectedRevision: Int?

    public init(kind: DocumentKind, key: String, expectedRevision: Int? = nil) {
        self.kind = kind
        self.key = key
        self.expectedRevision = expectedRevision
    }
}

extension Registry {
    /// Refuses early when the actor may not change an existing target: the API calls this before
    /// it even reads the request body: ownership comes before anything else, policies included.
    public func authorizeChange(of kind: DocumentKind, _ key: String, actor: Principal) throws(RegistryError) {
        if actor.isAdmin { return }
        do {
            try checkOwnership(of: kind, key, actor: actor)
        } catch {
            if error.code == .forbidden {
                let action = Operation.action(forKind: kind.rawValue)
                auditRefusals([Refusal(action: action, target: key, domain: nil, error: error)], actor: actor)
            }
            throw error
        }
    }

    private func checkOwnership(of kind: DocumentKind, _ key: String, actor: Principal) throws(RegistryError) {
        try read { store in
            let ownership = Ownership(store: store, actor: actor)
            switch kind {
            case .dataProduct:
                if let product = try store.productRecord(key) { try ownership.requireMember(of: product.team, toChange: "the product \(key)") }
            case .dataContract:
                if let team = try store.contractTeam(key) { try ownership.requireMember(of: team, toChange: "the contract \(key)") }
            case .domain:
                if !actor.isAdmin, try store.domainExists(key) {
                    throw RegistryError(.forbidden, "\(actor) may not change the domain \(key): a domain file names every team's members, so changing it needs a platform admin")
                }
            }
        }
    }

    /// Writes one document whose kind and id must match `target`, honouring `If-Match`.
    @discardableResult
    public func write(_ submission: DocumentSubmission, to target: WriteTarget, actor: Principal) throws(RegistryError) -> WriteResult {
        let operation: Operation
        do {
            operation = try Operation(submission, configuration: configuration)
        } catch {
            throw RegistryError(.invalidDocument, "the document is not a valid \(target.kind.rawValue)", issues: submission.locate(error.issues))
        }
        try check(operation, against: target, submission)
        do {
            return try write { store in
                if let expected = target.expectedRevision {
                    let current = try store.latestRevision(operation.recordKind, operation.target)?.revision ?? 0
                    guard current == expected else {
                        throw RegistryError(.preconditionFailed, "\(operation.target) is at revision \(current), not \(expected) as If-Match says; read it again and reapply your change")
                    }
                }
                return try operation.execute(store, actor: actor)
            }
        } catch {
            if ![.busy, .unavailable, .storageFailure, .preconditionFailed].contains(error.code) {
                let refusal = Refusal(action: operation.action, target: operation.target, domain: operation.domain, error: error)
                auditRefusals([refusal], actor: actor)
            }
            throw error
        }
    }

    private func check(_ operation: Operation, against target: WriteTarget, _ submission: DocumentSubmission) throws(RegistryError) {
        let kind = operation.document.kind
        guard kind == target.kind else {
            let issue = ValidationIssue(pointer: JSONPointer.root / "kind", code: ValidationIssue.Code.invalidValue,
                                        message: "this URL takes kind \(target.kind.rawValue), the document is \(kind.rawValue)")
            throw RegistryError(.invalidDocument, "the document's kind does not match the URL", issues: submission.locate([issue]))
        }
        let (field, key) = operation.identity
        guard key == target.key else {
            let issue = ValidationIssue(pointer: JSONPointer.root / field, code: ValidationIssue.Code.invalidValue,
                                        message: "the document's \(field) is '\(key)' but the URL names '\(target.key)'; ids never change, so use the same in both")
            throw RegistryError(.invalidDocument, "the document's \(field) does not match the URL", issues: submission.locate([issue]))
        }
    }
}
