extension CELParser {
    /// `primary ( '.' name | '.' name '(' args ')' | '[' expression ']' )*`.
    mutating func parseMember() throws(CELCompileError) -> CELExpression {
        var expression = try parsePrimary()
        while true {
            let offset = current.offset
            if accept(.dot) {
                guard case .identifier(let name) = current.kind else { throw unexpected("a field or method name after '.'") }
                index += 1
                if accept(.leftParenthesis) {
                    let arguments = try parseList(until: .rightParenthesis, "to close the argument list")
                    expression = try call(name, target: expression, arguments: arguments, at: offset)
                } else {
                    expression = try node(.select(expression, field: name, testOnly: false), at: offset, expression)
                }
            } else if accept(.leftBracket) {
                let subscriptExpression = try parseExpression()
                try expect(.rightBracket, "to close the index")
                expression = try node(.index(expression, subscriptExpression), at: offset, expression, subscriptExpression)
            } else {
                return expression
            }
        }
    }

    private mutating func parsePrimary() throws(CELCompileError) -> CELExpression {
        let token = current
        switch token.kind {
        case .integer(let magnitude):
            guard let value = Int64(exactly: magnitude) else {
                throw source.error(.syntax, at: token.offset, "integer literal \(magnitude) exceeds the int maximum 9223372036854775807; add 'u' for uint")
            }
            index += 1
            return try node(.literal(.int(value)), at: token.offset)
        case .unsigned(let value):
            index += 1
            return try node(.literal(.uint(value)), at: token.offset)
        case .double(let value):
            index += 1
            return try node(.literal(.double(value)), at: token.offset)
        case .string(let value):
            index += 1
            return try node(.literal(.string(value)), at: token.offset)
        case .bytes(let value):
            index += 1
            return try node(.literal(.bytes(value)), at: token.offset)
        case .identifier(let name):
            index += 1
            return try identifierOrCall(name, at: token.offset)
        case .symbol(.dot):
            index += 1
            guard case .identifier(let name) = current.kind else { throw unexpected("a name after the leading '.'") }
            index += 1
            return try identifierOrCall(name, at: token.offset)
        case .symbol(.leftParenthesis):
            index += 1
            let expression = try parseExpression()
            try expect(.rightParenthesis, "to close the parenthesis")
            return expression
        case .symbol(.leftBracket):
            index += 1
            let elements = try parseList(until: .rightBracket, "to close the list")
            return try node(.list(elements), at: token.offset, children: elements)
        case .symbol(.leftBrace):
            index += 1
            return try parseMapEntries(at: token.offset)
        default:
            throw unexpected("a value, name, '(' , '[' or '{'")
        }
    }

    private mutating func identifierOrCall(_ name: String, at offset: Int) throws(CELCompileError) -> CELExpression {
        switch name {
        case "true": return try node(.literal(.bool(true)), at: offset)
        case "false": return try node(.literal(.bool(false)), at: offset)
        case "null": return try node(.literal(.null), at: offset)
        default: break
        }
        guard !CELToken.reservedWords.contains(name), name != "in" else {
            throw source.error(.syntax, at: offset, "'\(name)' is a reserved word and cannot name a variable or function")
        }
        if isSymbol(.leftBrace) {
            throw source.error(.syntax, at: offset, "message construction '\(name){…}' is not supported; use a map literal")
        }
        guard accept(.leftParenthesis) else { return try node(.identifier(name), at: offset) }
        let arguments = try parseList(until: .rightParenthesis, "to close the argument list")
        return try call(name, target: nil, arguments: arguments, at: offset)
    }

    /// Comma-separated expressions up to `closing`, allowing a trailing comma.
    private mutating func parseList(until closing: CELToken.Symbol, _ context: String) throws(CELCompileError) -> [CELExpression] {
        var elements: [CELExpression] = []
        while !accept(closing) {
            elements.append(try parseExpression())
            if !accept(.comma) {
                try expect(closing, context)
                break
            }
        }
        return elements
    }

    private mutating func parseMapEntries(at offset: Int) throws(CELCompileError) -> CELExpression {
        var entries: [(key: CELExpression, value: CELExpression)] = []
        var children: [CELExpression] = []
        while !accept(.rightBrace) {
            let key = try parseExpression()
            try expect(.colon, "between a map key and its value")
            let value = try parseExpression()
            entries.append((key, value))
            children += [key, value]
            if !accept(.comma) {
                try expect(.rightBrace, "to close the map")
                break
            }
        }
        return try node(.map(entries), at: offset, children: children)
    }

    /// A function call, or the expansion of a macro: `has`, `all`, `exists`, `exists_one`, `map`, `filter`.
    private func call(_ name: String, target: CELExpression?, arguments: [CELExpression], at offset: Int) throws(CELCompileError) -> CELExpression {
        if target == nil, name == "has", arguments.count == 1 {
            guard case .select(let operand, let field, false) = arguments[0].kind else {
                throw source.error(.syntax, at: arguments[0].offset, "has() needs a field selection such as has(request.purpose)")
            }
            return try node(.select(operand, field: field, testOnly: true), at: offset, operand)
        }
        if let target, let macro = CELExpression.Comprehension.Macro(rawValue: name),
            arguments.count == 2 || (macro == .map && arguments.count == 3)
        {
            guard case .identifier(let variable) = arguments[0].kind else {
                throw source.error(.syntax, at: arguments[0].offset, "the first argument of \(name)() must be a variable name, as in list.\(name)(x, …)")
            }
            var comprehension = CELExpression.Comprehension(macro: macro, range: target, variable: variable)
            switch (macro, arguments.count) {
            case (.map, 2): comprehension.transform = arguments[1]
            case (.map, _):
                comprehension.predicate = arguments[1]
                comprehension.transform = arguments[2]
            default: comprehension.predicate = arguments[1]
            }
            return try node(.comprehension(comprehension), at: offset, children: [target] + arguments)
        }
        let children = (target.map { [$0] } ?? []) + arguments
        return try node(.call(function: name, target: target, arguments: arguments), at: offset, children: children)
    }
}
