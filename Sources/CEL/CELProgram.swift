/// A compiled CEL expression: parsed, checked against its declarations and turned into a tree
/// of closures once, then evaluated any number of times, concurrently if need be.
public struct CELProgram: Sendable {
    private let evaluation: CELEvaluation
    private let slotCount: Int
    private let limits: CELLimits

    /// The CEL type the checker inferred for the result (`dyn` when unknown or unchecked).
    public let resultType: CELType

    /// Parses `source` and, unless `declarations` is `.dynamic`, type-checks it (CEL langdef "Syntax",
    /// "Type Checking"); fails with the line and column of the first problem.
    public static func compile(_ source: String, declarations: CELDeclarations = .dynamic,
                               limits: CELLimits = .default) throws(CELCompileError) -> CELProgram {
        let text = CELSource(source)
        let expression = try CELParser.parse(text, limits: limits)
        var resultType = CELType.dyn
        if declarations.isChecked {
            var checker = CELChecker(source: text, declarations: declarations)
            resultType = try checker.check(expression)
        }
        var compiler = CELCompiler(source: text)
        let evaluation = try compiler.compile(expression)
        return CELProgram(evaluation: evaluation, slotCount: compiler.slotCount, limits: limits, resultType: resultType)
    }

    private init(evaluation: @escaping CELEvaluation, slotCount: Int, limits: CELLimits, resultType: CELType) {
        self.evaluation = evaluation
        self.slotCount = slotCount
        self.limits = limits
        self.resultType = resultType
    }

    /// Evaluates the expression; failures come back as `.error`, never as a crash.
    public func evaluate(_ activation: CELActivation) -> CELValue {
        evaluation(CELEvaluationContext(variables: activation.variables, limits: limits, slotCount: slotCount))
    }
}
