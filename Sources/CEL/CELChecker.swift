/// A modest static checker (CEL langdef "Type Checking"): finds undeclared names, unknown
/// functions, wrong argument counts and operations whose operand types can never work.
/// `dyn` matches everything, so values of unknown shape are never rejected.
struct CELChecker {
    private let source: CELSource
    private let declarations: CELDeclarations
    /// Comprehension variables in scope, innermost last.
    private var scope: [String] = []

    init(source: CELSource, declarations: CELDeclarations) {
        self.source = source
        self.declarations = declarations
    }

    /// The type of `expression`, `dyn` when it cannot be known before evaluation.
    mutating func check(_ expression: CELExpression) throws(CELCompileError) -> CELType {
        switch expression.kind {
        case .literal(let value):
            return value.type
        case .identifier(let name):
            return try identifier(name, at: expression.offset)
        case .select(let operand, let field, let testOnly):
            if !testOnly, let name = CELCompiler.qualifiedName(expression), CELType.byName[name] != nil {
                return .type
            }
            let operandType = try check(operand)
            guard operandType == .map || operandType == .dyn else {
                throw mismatch(at: expression.offset, "a value of type \(operandType.name) has no field '\(field)'")
            }
            return testOnly ? .bool : .dyn
        case .index(let operand, let subscriptExpression):
            let operandType = try check(operand)
            let subscriptType = try check(subscriptExpression)
            switch operandType {
            case .list where [.int, .uint, .dyn].contains(subscriptType), .map, .dyn: return .dyn
            case .list: throw mismatch(at: expression.offset, "a list index must be int or uint, not \(subscriptType.name)")
            default: throw mismatch(at: expression.offset, "a value of type \(operandType.name) cannot be indexed with [ ]")
            }
        case .unary(let unary, let operand):
            let operandType = try check(operand)
            let accepted: [CELType] = unary == .not ? [.bool] : [.int, .double]
            guard operandType == .dyn || accepted.contains(operandType) else {
                throw mismatch(at: expression.offset, "operator '\(unary.rawValue)' does not apply to \(operandType.name)")
            }
            return unary == .not ? .bool : operandType
        case .binary(let binary, let left, let right):
            return try checkBinary(binary, try check(left), try check(right), at: expression.offset)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let conditionType = try check(condition)
            guard conditionType == .bool || conditionType == .dyn else {
                throw mismatch(at: condition.offset, "the condition of '?:' must be bool, not \(conditionType.name)")
            }
            let trueType = try check(whenTrue)
            let falseType = try check(whenFalse)
            return trueType == falseType ? trueType : .dyn
        case .call(let function, let target, let arguments):
            return try checkCall(function, target: target, arguments: arguments, at: expression.offset)
        case .list(let elements):
            for element in elements { _ = try check(element) }
            return .list
        case .map(let entries):
            for entry in entries {
                let keyType = try check(entry.key)
                guard [.int, .uint, .bool, .string, .dyn].contains(keyType) else {
                    throw mismatch(at: entry.key.offset, "map keys must be int, uint, bool or string, not \(keyType.name)")
                }
                _ = try check(entry.value)
            }
            return .map
        case .comprehension(let comprehension):
            let rangeType = try check(comprehension.range)
            guard [.list, .map, .dyn].contains(rangeType) else {
                throw mismatch(at: expression.offset, "\(comprehension.macro.rawValue)() iterates over a list or map, not \(rangeType.name)")
            }
            scope.append(comprehension.variable)
            defer { scope.removeLast() }
            if let predicate = comprehension.predicate {
                let predicateType = try check(predicate)
                guard predicateType == .bool || predicateType == .dyn else {
                    throw mismatch(at: predicate.offset, "the condition of \(comprehension.macro.rawValue)() must be bool, not \(predicateType.name)")
                }
            }
            if let transform = comprehension.transform { _ = try check(transform) }
            return comprehension.macro == .map || comprehension.macro == .filter ? .list : .bool
        }
    }

    private func identifier(_ name: String, at offset: Int) throws(CELCompileError) -> CELType {
        if scope.contains(name) { return .dyn }
        if CELType.byName[name] != nil { return .type }
        if let declared = declarations.variables[name] { return declared }
        let known = declarations.variables.keys.sorted().joined(separator: ", ")
        throw source.error(.undeclaredReference, at: offset,
                           "undeclared reference to '\(name)'" + (known.isEmpty ? "; no variables are declared" : "; declared variables: \(known)"))
    }

    func mismatch(at offset: Int, _ message: String) -> CELCompileError {
        source.error(.typeMismatch, at: offset, message)
    }

    private mutating func checkCall(_ name: String, target: CELExpression?, arguments: [CELExpression], at offset: Int) throws(CELCompileError) -> CELType {
        let operands = (target.map { [$0] } ?? []) + arguments
        let types = try operands.map { operand throws(CELCompileError) in try check(operand) }
        guard let function = CELFunctions.table[name] else {
            throw source.error(.unknownFunction, at: offset, "unknown function '\(name)'")
        }
        let candidates = function.signatures.filter { $0.receiver == (target != nil) && $0.parameters.count == types.count }
        guard !candidates.isEmpty else {
            throw source.error(.wrongArgumentCount, at: offset,
                               "\(CELFunction.callShape(name, receiver: target != nil, count: types.count)) is not a form of \(name)(); use \(function.usage(name))")
        }
        let matching = candidates.filter { signature in
            zip(signature.parameters, types).allSatisfy { $0 == .dyn || $1 == .dyn || $0 == $1 }
        }
        guard let first = matching.first else {
            throw mismatch(at: offset, "\(name)() does not accept (\(types.map(\.name).joined(separator: ", "))); use \(function.usage(name))")
        }
        return matching.allSatisfy { $0.result == first.result } ? first.result : .dyn
    }
}
