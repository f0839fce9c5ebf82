import Dispatch
import JSON
import MeshModel
import Synchronization

/// One decoded document of an `apply`, with the use case that stores it.
struct Operation {
    let submission: DocumentSubmission
    let document: MeshDocument
    let encoded: EncodedDocument
    let configuration: RegistryConfiguration

    init(_ submission: DocumentSubmission, configuration: RegistryConfiguration) throws(DocumentValidationError) {
        self.submission = submission
        self.document = try MeshDocument.decode(submission.json)
        self.encoded = EncodedDocument(submission.json)
        self.configuration = configuration
    }

    /// Decodes each submission into its operation, in order, spread over the cores: decoding is
    /// pure work, and in a large apply it is a tenth of the time.
    static func decode(_ submissions: [DocumentSubmission], configuration: RegistryConfiguration) -> [Result<Operation, DocumentValidationError>] {
        let chunk = 64
        let decoded = Mutex([[Result<Operation, DocumentValidationError>]](repeating: [], count: (submissions.count + chunk - 1) / chunk))
        DispatchQueue.concurrentPerform(iterations: (submissions.count + chunk - 1) / chunk) { index in
            let results = submissions[index * chunk ..< min(submissions.count, (index + 1) * chunk)].map { submission in
                Result { () throws(DocumentValidationError) in try Operation(submission, configuration: configuration) }
            }
            decoded.withLock { $0[index] = results }
        }
        return decoded.withLock { $0.flatMap { $0 } }
    }

    /// Domains, then contracts (each line in version order), then products.
    var order: OrderKey {
        switch document {
        case .domain(let domain): OrderKey(rank: 0, key: domain.name, version: nil)
        case .contract(let contract): OrderKey(rank: 1, key: contract.id, version: contract.version)
        case .product(let product): OrderKey(rank: 2, key: product.id, version: nil)
        }
    }

    var action: String {
        switch document {
        case .domain: Self.action(forKind: "Domain")
        case .contract: Self.action(forKind: "DataContract")
        case .product: Self.action(forKind: "DataProduct")
        }
    }

    /// The audit action for a document of `kind` (the document's `kind` field).
    static func action(forKind kind: String?) -> String {
        switch kind {
        case "Domain": "domain.apply"
        case "DataContract": "contract.publish"
        default: "product.register"
        }
    }

    var target: String {
        switch document {
        case .domain(let domain): domain.name
        case .contract(let contract): RegistryStore.contractKey(contract.id, contract.version?.description ?? "?")
        case .product(let product): product.id
        }
    }

    var domain: String? {
        switch document {
        case .domain(let domain): domain.name
        case .contract(let contract): contract.domain
        case .product(let product): product.domain
        }
    }

    /// The record the write lands in, for revision lookups.
    var recordKind: WriteResult.Kind {
        switch document {
        case .domain: .domain
        case .contract: .contract
        case .product: .product
        }
    }

    /// The identifying field and its value: `name` for domains, `id` otherwise.
    var identity: (field: String, value: String) {
        switch document {
        case .domain(let domain): ("name", domain.name)
        case .contract(let contract): ("id", contract.id)
        case .product(let product): ("id", product.id)
        }
    }

    /// Stores the document; `assessment`, when given, receives what the checks found.
    func execute(_ store: RegistryStore, actor: Principal, assessment: WriteAssessment? = nil) throws -> WriteResult {
        switch document {
        case .domain(let domain): try ApplyDomain(domain: domain, submission: submission, encoded: encoded).execute(store, actor: actor)
        case .contract(let contract):
            try PublishContract(contract: contract, submission: submission, encoded: encoded, configuration: configuration,
                                assessment: assessment).execute(store, actor: actor)
        case .product(let product):
            try RegisterProduct(product: product, submission: submission, encoded: encoded, policies: configuration.policies,
                                assessment: assessment).execute(store, actor: actor)
        }
    }

    struct OrderKey: Comparable {
        var rank: Int
        var key: String
        var version: SemanticVersion?

        static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            switch (lhs.version, rhs.version) {
            case let (left?, right?): return left < right
            case (nil, _?): return true
            default: return false
            }
        }
    }
}

/// A refused document or request, kept for the audit log and the combined error.
struct Refusal {
    var action: String
    var target: String
    var domain: String?
    var error: RegistryError

    var kind: WriteResult.Kind {
        if action.hasPrefix("domain") { return .domain }
        if action.hasPrefix("contract") { return .contract }
        if action.hasPrefix("access") { return .access }
        return .product
    }

    /// The refusal for the audit log; a policy refusal keeps its decision.
    var detail: JSONValue {
        var detail: JSONObject = ["message": .string(error.message), "issues": .array(error.issues.map { .string($0.description) }),
                                  "dependants": .array(error.dependants.map(JSONValue.string))]
        detail["decision"] = error.details["decision"]
        return .object(detail)
    }

    /// One error for the whole batch; every issue keeps its own source location.
    static func combined(_ refusals: [Refusal], total: Int) -> RegistryError {
        if refusals.count == 1 { return refusals[0].error }
        var issues: [LocatedIssue] = []
        var dependants: [String] = []
        for refusal in refusals {
            if refusal.error.issues.isEmpty {
                issues.append(LocatedIssue(ValidationIssue(pointer: .root, code: refusal.error.code.rawValue, message: refusal.error.message),
                                           source: refusal.target))
            }
            issues += refusal.error.issues
            dependants += refusal.error.dependants
        }
        return RegistryError(refusals[0].error.code, "\(refusals.count) of \(total) documents were refused; nothing was written",
                             issues: issues, dependants: dependants)
    }
}
