/// The per-evaluation state the compiled closures read: variables, comprehension slots, budget.
final class CELEvaluationContext {
    let variables: [String: CELValue]
    let limits: CELLimits
    /// Values of comprehension variables, indexed by the slot the compiler gave each one.
    var locals: [CELValue]
    /// Comprehension iterations left before evaluation fails with `limitExceeded`.
    var remainingIterations: Int

    init(variables: [String: CELValue], limits: CELLimits, slotCount: Int) {
        self.variables = variables
        self.limits = limits
        self.locals = slotCount == 0 ? [] : Array(repeating: .null, count: slotCount)
        self.remainingIterations = limits.maxIterations
    }
}

/// A compiled expression node: evaluates itself against a context.
typealias CELEvaluation = @Sendable (CELEvaluationContext) -> CELValue
