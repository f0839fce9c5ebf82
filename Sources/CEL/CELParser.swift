/// A recursive-descent parser for CEL (CEL langdef "Syntax"), expanding macros as it goes;
/// nesting is bounded by `CELLimits.maxNestingDepth`, so deep input is refused, not a stack overflow.
struct CELParser {
    let source: CELSource
    private let tokens: [CELToken]
    private let limits: CELLimits
    var index = 0
    private var depth = 0

    /// Parses a whole expression.
    static func parse(_ source: CELSource, limits: CELLimits) throws(CELCompileError) -> CELExpression {
        guard source.bytes.count <= limits.maxSourceBytes else {
            throw source.error(.limitExceeded, at: 0, "expression is \(source.bytes.count) bytes, over the limit of \(limits.maxSourceBytes)")
        }
        var lexer = CELLexer(source: source)
        var parser = CELParser(source: source, tokens: try lexer.tokenize(), limits: limits)
        let expression = try parser.parseExpression()
        guard parser.current.kind == .end else { throw parser.unexpected("an operator or the end of the expression") }
        return expression
    }

    private init(source: CELSource, tokens: [CELToken], limits: CELLimits) {
        self.source = source
        self.tokens = tokens
        self.limits = limits
    }

    // MARK: Tokens

    var current: CELToken { tokens[index] }

    func isSymbol(_ symbol: CELToken.Symbol, ahead: Int = 0) -> Bool {
        tokens[min(index + ahead, tokens.count - 1)].kind == .symbol(symbol)
    }

    mutating func accept(_ symbol: CELToken.Symbol) -> Bool {
        guard isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ symbol: CELToken.Symbol, _ context: String) throws(CELCompileError) {
        guard accept(symbol) else { throw unexpected("'\(symbol.rawValue)' \(context)") }
    }

    func unexpected(_ expected: String) -> CELCompileError {
        source.error(.syntax, at: current.offset, "expected \(expected), found '\(current.text)'")
    }

    func node(_ kind: CELExpression.Kind, at offset: Int, _ children: CELExpression...) throws(CELCompileError) -> CELExpression {
        try node(kind, at: offset, children: children)
    }

    func node(_ kind: CELExpression.Kind, at offset: Int, children: [CELExpression]) throws(CELCompileError) -> CELExpression {
        let expression = CELExpression(kind, offset: offset, children: children)
        guard expression.height <= limits.maxNestingDepth else { throw tooDeep(at: offset) }
        return expression
    }

    private func tooDeep(at offset: Int) -> CELCompileError {
        source.error(.limitExceeded, at: offset, "expression nests deeper than \(limits.maxNestingDepth) levels; split it up")
    }

    // MARK: Operators, loosest first

    mutating func parseExpression() throws(CELCompileError) -> CELExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= limits.maxNestingDepth else { throw tooDeep(at: current.offset) }
        let condition = try parseOr()
        let offset = current.offset
        guard accept(.question) else { return condition }
        let whenTrue = try parseOr()
        try expect(.colon, "between the branches of '?:'")
        let whenFalse = try parseExpression()
        return try node(.conditional(condition, whenTrue, whenFalse), at: offset, condition, whenTrue, whenFalse)
    }

    private mutating func parseOr() throws(CELCompileError) -> CELExpression {
        var left = try parseAnd()
        while isSymbol(.or) {
            let offset = current.offset
            index += 1
            let right = try parseAnd()
            left = try node(.binary(.or, left, right), at: offset, left, right)
        }
        return left
    }

    private mutating func parseAnd() throws(CELCompileError) -> CELExpression {
        var left = try parseRelation()
        while isSymbol(.and) {
            let offset = current.offset
            index += 1
            let right = try parseRelation()
            left = try node(.binary(.and, left, right), at: offset, left, right)
        }
        return left
    }

    private static let relations: [CELToken.Kind: CELExpression.BinaryOperator] = [
        .symbol(.equal): .equal, .symbol(.notEqual): .notEqual, .symbol(.less): .less,
        .symbol(.lessEqual): .lessEqual, .symbol(.greater): .greater, .symbol(.greaterEqual): .greaterEqual,
        .identifier("in"): .in,
    ]

    private mutating func parseRelation() throws(CELCompileError) -> CELExpression {
        try parseBinary(Self.relations) { parser throws(CELCompileError) in
            try parser.parseBinary([.symbol(.plus): .add, .symbol(.minus): .subtract]) { parser throws(CELCompileError) in
                try parser.parseBinary([.symbol(.star): .multiply, .symbol(.slash): .divide, .symbol(.percent): .remainder]) {
                    parser throws(CELCompileError) in try parser.parseUnary()
                }
            }
        }
    }

    /// A left-associative chain of `operand (operator operand)*`.
    private mutating func parseBinary(
        _ operators: [CELToken.Kind: CELExpression.BinaryOperator],
        operand: (inout CELParser) throws(CELCompileError) -> CELExpression
    ) throws(CELCompileError) -> CELExpression {
        var left = try operand(&self)
        while let binary = operators[current.kind] {
            let offset = current.offset
            index += 1
            let right = try operand(&self)
            left = try node(.binary(binary, left, right), at: offset, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(CELCompileError) -> CELExpression {
        let offset = current.offset
        var operators: [CELExpression.UnaryOperator] = []
        while isSymbol(.exclamation) || isSymbol(.minus) {
            operators.append(isSymbol(.minus) ? .negate : .not)
            index += 1
        }
        var operand: CELExpression
        if operators.last == .negate, let literal = try negativeLiteral() {
            operators.removeLast()
            operand = literal
        } else {
            operand = try parseMember()
        }
        for unary in operators.reversed() {
            operand = try node(.unary(unary, operand), at: offset, operand)
        }
        return operand
    }

    /// `-9223372036854775808` and other negated number literals, folded so Int64.min is reachable.
    private mutating func negativeLiteral() throws(CELCompileError) -> CELExpression? {
        guard !isSymbol(.dot, ahead: 1), !isSymbol(.leftBracket, ahead: 1) else { return nil }
        let offset = current.offset
        switch current.kind {
        case .integer(let magnitude):
            guard magnitude <= UInt64(Int64.max) + 1 else {
                throw source.error(.syntax, at: offset, "integer literal -\(magnitude) is below the int minimum -9223372036854775808")
            }
            index += 1
            return try node(.literal(.int(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))), at: offset)
        case .double(let value):
            index += 1
            return try node(.literal(.double(-value)), at: offset)
        default:
            return nil
        }
    }
}
