import ContractProjection
import JSON

/// A schema to register under a subject, with Confluent's data-contract fields.
///
/// `metadata` and `ruleSet` are carried to the registration and written to its audit entry;
/// storing them with the subject version (and serving them where Confluent does) is the job of
/// the subject store's data-contract columns (docs/ARCHITECTURE.md, "Not yet built").
public struct SubjectRegistration: Sendable {
    public var subject: String
    public var submission: SchemaSubmission
    /// Confluent's `metadata` (`tags`, `properties`, `sensitive`), as given.
    public var metadata: JSONValue?
    /// Confluent's `ruleSet` (`domainRules`, `migrationRules`), as given.
    public var ruleSet: JSONValue?
    /// The contract version (`id@version`) whose projection this is; nil for a hand registration,
    /// which must then conform to the projection of the contract that drives the subject.
    public var projectedFrom: String?

    public init(subject: String, submission: SchemaSubmission, metadata: JSONValue? = nil, ruleSet: JSONValue? = nil, projectedFrom: String? = nil) {
        self.subject = subject
        self.submission = submission
        self.metadata = metadata
        self.ruleSet = ruleSet
        self.projectedFrom = projectedFrom
    }

    /// A contract's projection onto its topic's value subject.
    init(_ projection: ContractProjection, contract: String) {
        self.init(subject: projection.subject,
                  submission: SchemaSubmission(schema: projection.schema, schemaType: SchemaType(projection.format)),
                  metadata: projection.metadata, ruleSet: projection.ruleSet, projectedFrom: contract)
    }

    /// What the audit entry adds to the registration's detail: the data-contract fields and the
    /// contract projected, when there are any.
    var auditDetail: JSONObject {
        var detail = JSONObject()
        if let metadata { detail["metadata"] = metadata }
        if let ruleSet { detail["ruleSet"] = ruleSet }
        if let projectedFrom { detail["projectedFrom"] = .string(projectedFrom) }
        return detail
    }
}
