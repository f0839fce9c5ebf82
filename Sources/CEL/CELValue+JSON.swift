import FoundationEssentials
import JSON

extension CELValue {
    /// The result as `meshreg cel` prints it: `{"value": V, "type": "int"}` or `{"error": "…"}`.
    ///
    /// Integers are exact, doubles keep a fraction or exponent (`NaN`, `Infinity` as strings),
    /// bytes are base64, timestamps RFC 3339, durations `"1.5s"`, map keys their string form.
    public var resultJSON: JSONValue {
        if case .error(let error) = self { return ["error": .string(error.description)] }
        return ["value": jsonValue, "type": .string(type.resultName)]
    }

    /// The value part of `resultJSON`.
    public var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .integer(value)
        case .uint(let value): Int64(exactly: value).map(JSONValue.integer) ?? .double(Double(value))
        case .double(let value):
            value.isNaN ? "NaN" : (value.isInfinite ? .string(value < 0 ? "-Infinity" : "Infinity") : .double(value))
        case .string(let value): .string(value)
        case .bytes(let value): .string(Data(value).base64EncodedString())
        case .list(let elements): .array(elements.map(\.jsonValue))
        case .map(let map):
            .object(JSONObject(map.map { (key: $0.key.keyText, value: $0.value.jsonValue) }))
        case .timestamp(let value): .string(value.rfc3339)
        case .duration(let value): .string(value.text)
        case .type(let value): .string(value.name)
        case .error(let error): .string(error.description)
        }
    }

    /// A map key as a JSON object member name.
    private var keyText: String {
        switch self {
        case .string(let value): value
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .uint(let value): String(value)
        default: debugText
        }
    }
}
