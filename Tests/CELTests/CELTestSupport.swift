import CEL

/// Compiles `source` without declarations and evaluates it against `variables`.
func evaluate(_ source: String, _ variables: [String: CELValue] = [:], limits: CELLimits = .default) throws -> CELValue {
    try CELProgram.compile(source, limits: limits).evaluate(CELActivation(variables: variables))
}

/// The compile error for `source`, or nil when it compiles.
func compileError(_ source: String, declarations: CELDeclarations = .dynamic, limits: CELLimits = .default) -> CELCompileError? {
    do {
        _ = try CELProgram.compile(source, declarations: declarations, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// A small deterministic generator (SplitMix64) so fuzz runs are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
