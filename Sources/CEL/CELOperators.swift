/// The CEL operators on values (CEL langdef "Standard Definitions"); operands are never errors here
/// except in `index`, `negate` and `not`, which pass an error operand through.
enum CELOperators {
    typealias Binary = @Sendable (CELValue, CELValue, CELLimits) -> CELValue

    static func binary(_ binary: CELExpression.BinaryOperator) -> Binary {
        switch binary {
        case .add: { add($0, $1, limits: $2) }
        case .subtract: { left, right, _ in subtract(left, right) }
        case .multiply: { left, right, _ in multiply(left, right) }
        case .divide: { left, right, _ in divide(left, right) }
        case .remainder: { left, right, _ in remainder(left, right) }
        case .equal: { left, right, _ in .bool(left.celEquals(right)) }
        case .notEqual: { left, right, _ in .bool(!left.celEquals(right)) }
        case .less: { left, right, _ in compare(left, right, "_<_") { $0 == .less } }
        case .lessEqual: { left, right, _ in compare(left, right, "_<=_") { $0 == .less || $0 == .equal } }
        case .greater: { left, right, _ in compare(left, right, "_>_") { $0 == .greater } }
        case .greaterEqual: { left, right, _ in compare(left, right, "_>=_") { $0 == .greater || $0 == .equal } }
        case .in: { left, right, _ in contains(right, left) }
        case .and, .or: preconditionFailure("&& and || are compiled with short-circuit evaluation")
        }
    }

    private static func compare(_ left: CELValue, _ right: CELValue, _ name: String, _ test: (CELOrdering) -> Bool) -> CELValue {
        guard let ordering = left.celCompare(right) else { return CELValue.noSuchOverload(name, left, right) }
        return .bool(test(ordering))
    }

    /// `element in container`: list membership by CEL equality, or map key presence.
    private static func contains(_ container: CELValue, _ element: CELValue) -> CELValue {
        switch container {
        case .list(let elements): .bool(elements.contains { $0.celEquals(element) })
        case .map(let map): .bool(map[element] != nil)
        default: CELValue.noSuchOverload("@in", element, container)
        }
    }

    static func index(_ operand: CELValue, _ subscriptValue: CELValue) -> CELValue {
        if operand.isError { return operand }
        if subscriptValue.isError { return subscriptValue }
        switch (operand, subscriptValue) {
        case (.list(let elements), .int(let position)):
            guard position >= 0, position < elements.count else { return outOfBounds(position, elements.count) }
            return elements[Int(position)]
        case (.list(let elements), .uint(let position)):
            guard position < elements.count else { return outOfBounds(Int64(clamping: position), elements.count) }
            return elements[Int(position)]
        case (.map(let map), _):
            return map[subscriptValue] ?? .error(CELError(.noSuchKey, "no such key: \(subscriptValue.debugText)"))
        default:
            return CELValue.noSuchOverload("_[_]", operand, subscriptValue)
        }
    }

    private static func outOfBounds(_ position: Int64, _ count: Int) -> CELValue {
        .error(CELError(.indexOutOfBounds, "index \(position) out of bounds for a list of \(count) elements"))
    }

    static func negate(_ operand: CELValue) -> CELValue {
        switch operand {
        case .int(let value):
            value == .min ? overflow("-", "int") : .int(-value)
        case .double(let value): .double(-value)
        case .error: operand
        default: CELValue.noSuchOverload("-_", operand)
        }
    }

    static func not(_ operand: CELValue) -> CELValue {
        switch operand {
        case .bool(let value): .bool(!value)
        case .error: operand
        default: CELValue.noSuchOverload("!_", operand)
        }
    }

    static func overflow(_ operation: String, _ type: String) -> CELValue {
        .error(CELError(.overflow, "\(type) overflow in '\(operation)'"))
    }
}
