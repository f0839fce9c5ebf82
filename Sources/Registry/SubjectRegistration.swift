import ContractProjection
import JSON

/// A schema to register under a subject: the submission (schema, references, Confluent's
/// data-contract `metadata` and `ruleSet`) and, for a contract's projection, the contract it
/// comes from.
public struct SubjectRegistration: Sendable {
    public var subject: String
    public var submission: SchemaSubmission
    /// The contract version (`id@version`) whose projection this is; nil for a hand registration,
    /// which must then conform to the projection of the contract that drives the subject.
    public var projectedFrom: String?

    public init(subject: String, submission: SchemaSubmission, projectedFrom: String? = nil) {
        self.subject = subject
        self.submission = submission
        self.projectedFrom = projectedFrom
    }

    /// A contract's projection onto its topic's value subject, with its tags, properties and
    /// domain rules as the version's metadata and rule set.
    init(_ projection: ContractProjection, contract: String) throws(SubjectError) {
        let submission = SchemaSubmission(
            schema: projection.schema, schemaType: SchemaType(projection.format),
            metadata: try SchemaMetadata(json: projection.metadata, at: .root / "metadata"),
            ruleSet: try SchemaRuleSet(json: projection.ruleSet, at: .root / "ruleSet"))
        self.init(subject: projection.subject, submission: submission, projectedFrom: contract)
    }

    /// What the audit entry adds to the registration's detail: the contract projected, if any.
    var auditDetail: JSONObject {
        projectedFrom.map { ["projectedFrom": .string($0)] } ?? [:]
    }
}
