/// Turns a parsed expression into a tree of closures, once, so evaluation neither re-parses
/// nor re-resolves names, functions or literal regular expressions.
struct CELCompiler {
    let source: CELSource
    /// Comprehension variables in scope, innermost last, with their slot in `CELEvaluationContext.locals`.
    var scope: [(name: String, slot: Int)] = []
    /// Slots needed by the deepest nesting of comprehensions.
    var slotCount = 0

    init(source: CELSource) { self.source = source }

    mutating func compile(_ expression: CELExpression) throws(CELCompileError) -> CELEvaluation {
        let location = source.location(of: expression.offset)
        switch expression.kind {
        case .literal(let value):
            return { _ in value }
        case .identifier(let name):
            return identifier(name, at: location)
        case .select(let operand, let field, let testOnly):
            if !testOnly, let typeName = Self.qualifiedName(expression), let type = CELType.byName[typeName] {
                return { _ in .type(type) }
            }
            let operandEvaluation = try compile(operand)
            return testOnly ? Self.has(operandEvaluation, field, at: location) : Self.select(operandEvaluation, field, at: location)
        case .index(let operand, let subscriptExpression):
            let operandEvaluation = try compile(operand)
            let subscriptEvaluation = try compile(subscriptExpression)
            return { context in CELOperators.index(operandEvaluation(context), subscriptEvaluation(context)).located(location) }
        case .unary(let unary, let operand):
            let operandEvaluation = try compile(operand)
            switch unary {
            case .negate: return { context in CELOperators.negate(operandEvaluation(context)).located(location) }
            case .not: return { context in CELOperators.not(operandEvaluation(context)).located(location) }
            }
        case .binary(let binary, let left, let right):
            return try compileBinary(binary, left, right, at: location)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let conditionEvaluation = try compile(condition)
            let trueEvaluation = try compile(whenTrue)
            let falseEvaluation = try compile(whenFalse)
            return { context in
                switch conditionEvaluation(context) {
                case .bool(true): trueEvaluation(context)
                case .bool(false): falseEvaluation(context)
                case let other: CELValue.errorOrNoSuchOverload("_?_:_", other).located(location)
                }
            }
        case .call(let function, let target, let arguments):
            return try compileCall(function, target: target, arguments: arguments, at: location)
        case .list(let elements):
            let evaluations = try elements.map { element throws(CELCompileError) in try compile(element) }
            return { context in
                var values: [CELValue] = []
                values.reserveCapacity(evaluations.count)
                for evaluation in evaluations {
                    let value = evaluation(context)
                    if value.isError { return value }
                    values.append(value)
                }
                return .list(values)
            }
        case .map(let entries):
            let evaluations = try entries.map { entry throws(CELCompileError) in (try compile(entry.key), try compile(entry.value)) }
            return { context in
                var map = CELMap()
                for (keyEvaluation, valueEvaluation) in evaluations {
                    let key = keyEvaluation(context)
                    if key.isError { return key }
                    let value = valueEvaluation(context)
                    if value.isError { return value }
                    do throws(CELError) { try map.insert(value, forKey: key) } catch { return CELValue.error(error).located(location) }
                }
                return .map(map)
            }
        case .comprehension(let comprehension):
            return try compileComprehension(comprehension, at: location)
        }
    }

    private func identifier(_ name: String, at location: CELSource.Location) -> CELEvaluation {
        if let local = scope.last(where: { $0.name == name }) {
            let slot = local.slot
            return { context in context.locals[slot] }
        }
        if let type = CELType.byName[name] { return { _ in .type(type) } }
        let missing = CELValue.error(CELError(.undeclaredReference, "no variable named '\(name)' is bound")).located(location)
        return { context in context.variables[name] ?? missing }
    }

    /// `google.protobuf.Timestamp` and other dotted names made only of identifiers.
    static func qualifiedName(_ expression: CELExpression) -> String? {
        switch expression.kind {
        case .identifier(let name): name
        case .select(let operand, let field, false): qualifiedName(operand).map { $0 + "." + field }
        default: nil
        }
    }

    private static func select(_ operand: @escaping CELEvaluation, _ field: String, at location: CELSource.Location) -> CELEvaluation {
        let missing = CELValue.error(CELError(.noSuchKey, "no such key: '\(field)'")).located(location)
        return { context in
            switch operand(context) {
            case .map(let map): map[field] ?? missing
            case .error(let error): .error(error)
            case let other: CELValue.error(CELError(.noSuchField, "a value of type \(other.type.name) has no field '\(field)'")).located(location)
            }
        }
    }

    private static func has(_ operand: @escaping CELEvaluation, _ field: String, at location: CELSource.Location) -> CELEvaluation {
        { context in
            switch operand(context) {
            case .map(let map): .bool(map[field] != nil)
            case .error(let error): .error(error)
            case let other: CELValue.error(CELError(.noSuchField, "has() cannot test field '\(field)' on a value of type \(other.type.name)")).located(location)
            }
        }
    }

    private mutating func compileBinary(_ binary: CELExpression.BinaryOperator, _ left: CELExpression, _ right: CELExpression,
                                        at location: CELSource.Location) throws(CELCompileError) -> CELEvaluation {
        let leftEvaluation = try compile(left)
        let rightEvaluation = try compile(right)
        switch binary {
        case .and:
            return { context in
                let first = leftEvaluation(context)
                if case .bool(false) = first { return first }
                let second = rightEvaluation(context)
                switch (first, second) {
                case (_, .bool(false)), (.bool(true), .bool(true)): return second
                case (.bool(true), _): return CELValue.errorOrNoSuchOverload("_&&_", second).located(location)
                default: return CELValue.errorOrNoSuchOverload("_&&_", first, second).located(location)
                }
            }
        case .or:
            return { context in
                let first = leftEvaluation(context)
                if case .bool(true) = first { return first }
                let second = rightEvaluation(context)
                switch (first, second) {
                case (_, .bool(true)), (.bool(false), .bool(false)): return second
                case (.bool(false), _): return CELValue.errorOrNoSuchOverload("_||_", second).located(location)
                default: return CELValue.errorOrNoSuchOverload("_||_", first, second).located(location)
                }
            }
        default:
            let operation = CELOperators.binary(binary)
            return { context in
                let first = leftEvaluation(context)
                if first.isError { return first }
                let second = rightEvaluation(context)
                if second.isError { return second }
                return operation(first, second, context.limits).located(location)
            }
        }
    }
}
