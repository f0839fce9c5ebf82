/// A CEL runtime value (CEL langdef "Values"); errors are values too, so evaluation never throws.
///
/// `==` on `CELValue` is structural (Swift `Hashable`); CEL's own `==` operator, with
/// heterogeneous numeric equality, is `CELValue.celEquals(_:)`.
public enum CELValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)
    case error(CELError)
}

extension CELValue {
    /// The CEL type of the value (`type(value)`); an error value has no type and reports `dyn`.
    public var type: CELType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list
        case .map: .map
        case .timestamp: .timestamp
        case .duration: .duration
        case .type: .type
        case .error: .dyn
        }
    }

    /// True for `.error`.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// The error carried by an `.error` value.
    public var error: CELError? {
        if case .error(let error) = self { return error }
        return nil
    }

    /// An `.error(noSuchOverload)` value naming the operation and the operand types.
    static func noSuchOverload(_ operation: String, _ operands: CELValue...) -> CELValue {
        let types = operands.map(\.type.name).joined(separator: ", ")
        return .error(CELError(.noSuchOverload, "no such overload for '\(operation)' applied to (\(types))"))
    }

    /// The value itself when it is an error, otherwise a no-such-overload error for `operation`.
    static func errorOrNoSuchOverload(_ operation: String, _ operands: CELValue...) -> CELValue {
        for operand in operands where operand.isError { return operand }
        let types = operands.map(\.type.name).joined(separator: ", ")
        return .error(CELError(.noSuchOverload, "no such overload for '\(operation)' applied to (\(types))"))
    }
}
