import Compatibility
import JSON
import Lineage
import Policy

/// One document of a plan: what applying it would do, and why.
public struct PlannedDocument: Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case add, change, unchanged, retire, refuse
    }

    /// The file (or bundle path) the document came from.
    public var path: String?
    /// `Domain`, `DataContract` or `DataProduct` (as the document says, when it did not decode).
    public var kind: String?
    /// The product or contract id, or the domain name.
    public var id: String?
    public var version: String?
    public var action: Action
    /// The fields that differ from the registered document (empty for a new one).
    public var diff: [JSONDifference] = []
    /// A new contract version against its registered line: findings and the semver gate.
    public var evolution: ContractEvolution?
    /// Every policy violation of the decision: deny, warn and audit.
    public var violations: [PolicyViolation] = []
    /// Who reads what the change breaks; nil when it breaks nothing registered.
    public var impact: LineageImpact?
    /// Why the document would be refused, with every issue's `path:line:column`.
    public var refusal: RegistryError?

    /// `{path, kind, id, version, action, diff, findings, semver?, violations, impact, refusal?}`.
    public var json: JSONValue {
        var object: JSONObject = [
            "path": path.map(JSONValue.string) ?? .null, "kind": kind.map(JSONValue.string) ?? .null,
            "id": id.map(JSONValue.string) ?? .null, "version": version.map(JSONValue.string) ?? .null,
            "action": .string(action.rawValue), "diff": .array(diff.map(\.json)),
            "findings": .array(evolution?.report.findings.map(\.json) ?? []),
        ]
        if let evolution, case .object(let evolutionJSON) = evolution.json {
            object["compatibility"] = [
                "mode": .string(evolution.mode.rawValue), "previousVersion": evolutionJSON["previousVersion"] ?? .null,
                "isCompatible": .bool(evolution.report.isCompatible), "changeClass": evolutionJSON["changeClass"] ?? .null,
            ]
            object["semver"] = evolutionJSON["semver"]
        }
        object["violations"] = .array(violations.map(\.json))
        object["impact"] = .array(impact?.report.products.map(Self.json) ?? [])
        if let refusal { object["refusal"] = Self.json(refusal) }
        return .object(object)
    }

    private static func json(_ product: ImpactReport.Product) -> JSONValue {
        [
            "product": .string(product.id), "team": product.team.map(JSONValue.string) ?? .null, "distance": .integer(Int64(product.distance)),
            "ports": .array(product.ports.map { .string($0.displayName) }), "columns": .array(product.columns.map { .string($0.displayName) }),
        ]
    }

    /// `{code, message, issues: [{location?, pointer, code, message}], dependants}`.
    static func json(_ error: RegistryError) -> JSONValue {
        [
            "code": .string(error.code.rawValue), "message": .string(error.message),
            "issues": .array(error.issues.map { located in
                var issue: JSONObject = ["pointer": .string(located.issue.pointer.description), "code": .string(located.issue.code),
                                         "message": .string(located.issue.message)]
                if let source = located.source { issue["location"] = .string(source) }
                return .object(issue)
            }),
            "dependants": .array(error.dependants.map(JSONValue.string)),
        ]
    }
}
