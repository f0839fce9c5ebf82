import CEL
import JSON

/// The variables one decision is evaluated against; absent variables are not bound,
/// so an expression that reads one gets an error value and the policy's failure policy applies.
///
/// Shapes, as the registry binds them:
/// - `actor`: `{username, teams: [team names], roles: [roles], admin: bool}`.
/// - `product`, `previous`: ODPS documents (the new and the stored revision).
/// - `contract`, `previousContract`: ODCS documents.
/// - `change`: the compatibility report (`mode`, `isCompatible`, `changeClass`: breaking | additive
///   | metadata | none, `findings`) plus `version`, `previousVersion` and `bump`: major | minor | patch | none.
/// - `port`: the ODPS output port plus `classification` (from its customProperties), `domain`,
///   `team` and `product` (the owning product's id).
/// - `request`: the access request, `{purpose, team, domain, username, expires?}`.
/// - `consumers`: the downstream products from lineage, `[{id, domain, team, status}]`.
/// - `inputs`: the product's input ports resolved to their sources, `[{name, contractId, version,
///   classification?, external: bool}]`; `classification` is the upstream output port's.
/// - `subject`: a Kafka subject registration, `{name, schemaType, schema}`.
/// - `now`: the decision time, RFC 3339 text, bound as a CEL timestamp.
///
/// On `audit` one document is bound at a time (a product or a contract, with its context), and
/// policies that read a document variable the input lacks are skipped instead of failing.
public struct PolicyInput: Sendable, Hashable {
    /// The names an expression can use for input variables.
    public enum Variable: String, Sendable, Hashable, CaseIterable {
        case actor, product, previous, contract, previousContract, change, port, request, consumers, inputs, subject, now

        /// The variables that hold the document under decision, as opposed to its context
        /// (actor, now, consumers, inputs): on `audit`, a policy that reads a document variable
        /// the input does not bind is about another kind of document and is skipped.
        static let documentVariables: [Variable] = [.product, .previous, .contract, .previousContract, .change, .port, .request, .subject]
    }

    /// The bound variables; a variable without a value is absent.
    public var values: [Variable: JSONValue]

    /// An input with the given variables bound.
    public init(_ values: [Variable: JSONValue] = [:]) { self.values = values }

    /// Reads an input from a JSON object whose members are variable names; unknown members are refused.
    public init(json: JSONValue) throws(PolicyInputError) {
        guard case .object(let object) = json else {
            throw PolicyInputError(pointer: .root, message: "the input must be a mapping of variable names to values, not \(json.typeName)")
        }
        var values: [Variable: JSONValue] = [:]
        for (name, value) in object {
            guard let variable = Variable(rawValue: name) else {
                throw PolicyInputError(pointer: .root / name, message: "unknown input variable '\(name)'; use one of \(Self.variableNamesList)")
            }
            values[variable] = value
        }
        self.values = values
    }

    /// The variable's value, or nil when it is not bound.
    public subscript(variable: Variable) -> JSONValue? {
        get { values[variable] }
        set { values[variable] = newValue }
    }

    /// The bound variables as one JSON object, keys in declaration order (for digests and logs).
    public var json: JSONValue {
        .object(JSONObject(Variable.allCases.compactMap { variable in values[variable].map { (key: variable.rawValue, value: $0) } }))
    }

    /// The CEL activation: JSON converted once, `now` turned into a timestamp.
    var activation: CELActivation {
        var variables: [String: CELValue] = [:]
        variables.reserveCapacity(values.count + 1)
        for (variable, value) in values {
            variables[variable.rawValue] = variable == .now ? Self.timestamp(value) : CELValue(json: value)
        }
        return CELActivation(variables: variables)
    }

    /// `timestamp(now)` evaluated by CEL itself, so `now` accepts exactly what `timestamp()` accepts.
    private static func timestamp(_ value: JSONValue) -> CELValue {
        timestampProgram.evaluate(CELActivation(variables: ["now": CELValue(json: value)]))
    }

    private static let timestampProgram: CELProgram = {
        do { return try CELProgram.compile("timestamp(now)") } catch { preconditionFailure("constant CEL text: \(error)") }
    }()

    static let variableNamesList = Variable.allCases.map(\.rawValue).joined(separator: ", ")
}
