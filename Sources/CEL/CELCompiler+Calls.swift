extension CELCompiler {
    mutating func compileCall(_ name: String, target: CELExpression?, arguments: [CELExpression],
                              at location: CELSource.Location) throws(CELCompileError) -> CELEvaluation {
        let operands = (target.map { [$0] } ?? []) + arguments
        let evaluations = try operands.map { operand throws(CELCompileError) in try compile(operand) }
        guard let function = CELFunctions.table[name] else {
            let error = CELValue.error(CELError(.noSuchOverload, "unknown function '\(name)'")).located(location)
            return { _ in error }
        }
        guard function.accepts(receiver: target != nil, count: operands.count) else {
            let shape = CELFunction.callShape(name, receiver: target != nil, count: operands.count)
            let error = CELValue.error(CELError(.noSuchOverload, "\(name)() has no form \(shape); it takes \(function.usage(name))")).located(location)
            return { _ in error }
        }
        if name == "matches", case .literal(.string(let pattern)) = operands[1].kind {
            let regex: CELRegex
            do throws(CELError) { regex = try CELRegex(pattern) } catch {
                throw source.error(.invalidRegex, at: operands[1].offset, error.message)
            }
            let text = evaluations[0]
            return { context in
                switch text(context) {
                case .string(let string): .bool(regex.matches(string))
                case let other: CELValue.errorOrNoSuchOverload("matches", other).located(location)
                }
            }
        }
        switch (evaluations.count, function.unary, function.binary) {
        case (1, let unary?, _):
            let argument = evaluations[0]
            return { context in
                let value = argument(context)
                return value.isError ? value : unary(value).located(location)
            }
        case (2, _, let binary?):
            let first = evaluations[0]
            let second = evaluations[1]
            return { context in
                let firstValue = first(context)
                if firstValue.isError { return firstValue }
                let secondValue = second(context)
                return secondValue.isError ? secondValue : binary(firstValue, secondValue).located(location)
            }
        default:
            preconditionFailure("function '\(name)' declares a \(evaluations.count)-argument signature without an implementation")
        }
    }

    mutating func compileComprehension(_ comprehension: CELExpression.Comprehension,
                                       at location: CELSource.Location) throws(CELCompileError) -> CELEvaluation {
        let range = try compile(comprehension.range)
        let slot = scope.count
        scope.append((comprehension.variable, slot))
        slotCount = max(slotCount, scope.count)
        defer { scope.removeLast() }
        let predicate = try comprehension.predicate.map { predicate throws(CELCompileError) in try compile(predicate) }
        let transform = try comprehension.transform.map { transform throws(CELCompileError) in try compile(transform) }
        let evaluation = CELMacros.evaluation(comprehension.macro, range: range, slot: slot, predicate: predicate, transform: transform)
        return { context in evaluation(context).located(location) }
    }
}
