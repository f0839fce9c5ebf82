import JSON

/// The variables an expression is evaluated against.
public struct CELActivation: Sendable {
    /// Values by variable name.
    public var variables: [String: CELValue]

    /// Binds CEL values directly.
    public init(variables: [String: CELValue] = [:]) { self.variables = variables }

    /// Binds JSON values: integers become `int`, other numbers `double`, objects string-keyed maps.
    public init(json: [String: JSONValue]) {
        variables = json.mapValues(CELValue.init(json:))
    }
}

extension CELValue {
    /// The CEL value of a JSON value: integer → int, fraction or exponent → double, object → map.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .array(let elements): self = .list(elements.map(CELValue.init(json:)))
        case .object(let object): self = .map(CELMap(stringKeyed: object.lazy.map { (key: $0.key, value: CELValue(json: $0.value)) }))
        }
    }
}
