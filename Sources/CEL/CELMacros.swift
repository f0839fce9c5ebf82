/// Evaluation of the comprehension macros `all`, `exists`, `exists_one`, `map` and `filter`
/// over list elements or map keys (CEL langdef "Macros"), with errors absorbed as the spec says.
enum CELMacros {
    static func evaluation(_ macro: CELExpression.Comprehension.Macro, range: @escaping CELEvaluation, slot: Int,
                           predicate: CELEvaluation?, transform: CELEvaluation?) -> CELEvaluation {
        { context in
            let elements: [CELValue]
            switch range(context) {
            case .list(let list): elements = list
            case .map(let map): elements = map.keys
            case let other: return CELValue.errorOrNoSuchOverload(macro.rawValue, other)
            }
            guard context.remainingIterations >= elements.count else {
                return .error(CELError(.limitExceeded, "comprehensions exceeded the budget of \(context.limits.maxIterations) iterations"))
            }
            context.remainingIterations -= elements.count
            switch macro {
            case .all: return quantify(elements, slot: slot, predicate: predicate!, context: context, decisive: false)
            case .exists: return quantify(elements, slot: slot, predicate: predicate!, context: context, decisive: true)
            case .existsOne: return existsOne(elements, slot: slot, predicate: predicate!, context: context)
            case .map, .filter: return collect(elements, slot: slot, predicate: predicate, transform: transform, context: context)
            }
        }
    }

    /// `all` (decisive false) and `exists` (decisive true): a decisive result wins over errors.
    private static func quantify(_ elements: [CELValue], slot: Int, predicate: CELEvaluation,
                                 context: CELEvaluationContext, decisive: Bool) -> CELValue {
        var firstError: CELValue?
        for element in elements {
            context.locals[slot] = element
            switch predicate(context) {
            case .bool(decisive): return .bool(decisive)
            case .bool: continue
            case let other: firstError = firstError ?? CELValue.errorOrNoSuchOverload(decisive ? "exists" : "all", other)
            }
        }
        return firstError ?? .bool(!decisive)
    }

    private static func existsOne(_ elements: [CELValue], slot: Int, predicate: CELEvaluation, context: CELEvaluationContext) -> CELValue {
        var count = 0
        for element in elements {
            context.locals[slot] = element
            switch predicate(context) {
            case .bool(true): count += 1
            case .bool(false): continue
            case let other: return CELValue.errorOrNoSuchOverload("exists_one", other)
            }
        }
        return .bool(count == 1)
    }

    /// `filter(x, p)`, `map(x, t)` and `map(x, p, t)`.
    private static func collect(_ elements: [CELValue], slot: Int, predicate: CELEvaluation?, transform: CELEvaluation?,
                                context: CELEvaluationContext) -> CELValue {
        var results: [CELValue] = []
        for element in elements {
            context.locals[slot] = element
            if let predicate {
                switch predicate(context) {
                case .bool(true): break
                case .bool(false): continue
                case let other: return CELValue.errorOrNoSuchOverload(transform == nil ? "filter" : "map", other)
                }
            }
            guard let transform else {
                results.append(element)
                continue
            }
            let value = transform(context)
            if value.isError { return value }
            results.append(value)
        }
        return .list(results)
    }
}
