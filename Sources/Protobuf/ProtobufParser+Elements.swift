/// The small pieces of the grammar: names, numbers, constants, options and reserved ranges.
extension ProtobufParser {
    var current: ProtobufToken { tokens[index] }

    func peek(_ distance: Int) -> ProtobufToken { tokens[min(index + distance, tokens.count - 1)] }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    func isKeyword(_ word: String) -> Bool { current.kind == .identifier && current.text == word }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol && current.text == symbol }

    mutating func expect(_ symbol: String) throws(ProtobufSchemaError) {
        guard isSymbol(symbol) else { throw ProtobufSchemaError(.syntax, at: current.position, "expected '\(symbol)', found \(describe(current))") }
        advance()
    }

    mutating func expectIdentifier() throws(ProtobufSchemaError) -> ProtobufToken {
        guard current.kind == .identifier else { throw ProtobufSchemaError(.syntax, at: current.position, "expected a name, found \(describe(current))") }
        defer { advance() }
        return current
    }

    /// A string literal; adjacent literals are joined, as in C.
    mutating func expectString() throws(ProtobufSchemaError) -> ProtobufToken {
        guard var token = Optional(current), token.kind == .string else {
            throw ProtobufSchemaError(.syntax, at: current.position, "expected a quoted string, found \(describe(current))")
        }
        advance()
        while current.kind == .string {
            token.text += current.text
            advance()
        }
        return token
    }

    /// `a.b.c`.
    mutating func fullIdentifier() throws(ProtobufSchemaError) -> String {
        var name = try expectIdentifier().text
        while isSymbol("."), peek(1).kind == .identifier {
            advance()
            name += "." + (try expectIdentifier().text)
        }
        return name
    }

    /// A type name as written, possibly starting with `.` (fully qualified).
    mutating func dottedName() throws(ProtobufSchemaError) -> String {
        if isSymbol(".") {
            advance()
            return "." + (try fullIdentifier())
        }
        return try fullIdentifier()
    }

    /// A field's type: a scalar or a message/enum name, unresolved.
    mutating func typeReference() throws(ProtobufSchemaError) -> ProtobufFieldType {
        let name = try dottedName()
        if let scalar = ProtobufScalar(rawValue: name) { return .scalar(scalar) }
        return .named(written: name, fullName: "")
    }

    /// An integer literal with an optional sign; decimal, octal or hex.
    mutating func integer() throws(ProtobufSchemaError) -> (value: Int, position: ProtobufPosition) {
        let start = current.position
        var negative = false
        if isSymbol("-") || isSymbol("+") {
            negative = current.text == "-"
            advance()
        }
        guard current.kind == .integer else { throw ProtobufSchemaError(.syntax, at: current.position, "expected an integer, found \(describe(current))") }
        let text = current.text
        let magnitude: Int? = if text.hasPrefix("0x") || text.hasPrefix("0X") {
            Int(text.dropFirst(2), radix: 16)
        } else if text.count > 1, text.hasPrefix("0") {
            Int(text.dropFirst(), radix: 8)
        } else {
            Int(text)
        }
        guard let magnitude, magnitude <= Int(UInt32.max) * 2 else {
            throw ProtobufSchemaError(.syntax, at: start, "the integer \(text) is too large or not a valid number")
        }
        advance()
        return (negative ? -magnitude : magnitude, start)
    }

    /// `option name = constant;`.
    mutating func option() throws(ProtobufSchemaError) -> ProtobufOption {
        advance()
        let option = try optionAssignment()
        try expect(";")
        return option
    }

    /// `[name = constant, …]` after a field or enum value, or nothing.
    mutating func fieldOptions() throws(ProtobufSchemaError) -> [ProtobufOption] {
        guard isSymbol("[") else { return [] }
        advance()
        var options = [try optionAssignment()]
        while isSymbol(",") {
            advance()
            options.append(try optionAssignment())
        }
        try expect("]")
        return options
    }

    /// `name = constant` where name is `ident`, `(full.ident)` and `.ident` parts.
    private mutating func optionAssignment() throws(ProtobufSchemaError) -> ProtobufOption {
        var parts: [String] = []
        while true {
            if isSymbol("(") {
                advance()
                parts.append("(" + (try dottedName()) + ")")
                try expect(")")
            } else {
                parts.append(try expectIdentifier().text)
            }
            guard isSymbol(".") else { break }
            advance()
        }
        try expect("=")
        return ProtobufOption(name: parts.joined(separator: "."), value: try constant())
    }

    /// A constant: identifier, signed number, string or a `{ … }` text-format aggregate, as source text.
    mutating func constant() throws(ProtobufSchemaError) -> String {
        switch current.kind {
        case .string: return Self.quoted(try expectString().text)
        case .identifier: return try fullIdentifier()
        case .integer, .float:
            defer { advance() }
            return current.text
        case .symbol where current.text == "-" || current.text == "+":
            let sign = current.text
            advance()
            guard current.kind == .integer || current.kind == .float || (current.kind == .identifier && ["inf", "nan"].contains(current.text)) else {
                throw ProtobufSchemaError(.syntax, at: current.position, "expected a number after '\(sign)', found \(describe(current))")
            }
            defer { advance() }
            return (sign == "-" ? "-" : "") + current.text
        case .symbol where current.text == "{": return try aggregate()
        default: throw ProtobufSchemaError(.syntax, at: current.position, "expected an option value, found \(describe(current))")
        }
    }

    /// A text-format message literal, kept as its tokens joined by spaces.
    private mutating func aggregate() throws(ProtobufSchemaError) -> String {
        var parts: [String] = []
        var nesting = 0
        repeat {
            let token = current
            switch token.kind {
            case .end: throw ProtobufSchemaError(.syntax, at: token.position, "an option's { … } value is not closed; add }")
            case .string: parts.append(Self.quoted(token.text))
            default: parts.append(token.text)
            }
            if token.kind == .symbol, token.text == "{" || token.text == "<" || token.text == "[" {
                nesting += 1
                try enter(token.position)
            } else if token.kind == .symbol, token.text == "}" || token.text == ">" || token.text == "]" {
                nesting -= 1
                depth -= 1
            }
            advance()
        } while nesting > 0
        return parts.joined(separator: " ")
    }

    /// `2, 15, 9 to 11, 40 to max;` or `"foo", "bar";`.
    mutating func reserved(numbers: inout [ClosedRange<Int>], names: inout [String], maximum: Int) throws(ProtobufSchemaError) {
        if current.kind == .string || current.kind == .identifier {
            names.append(try reservedName())
            while isSymbol(",") {
                advance()
                names.append(try reservedName())
            }
        } else {
            numbers.append(try range(maximum: maximum))
            while isSymbol(",") {
                advance()
                numbers.append(try range(maximum: maximum))
            }
        }
        try expect(";")
    }

    private mutating func reservedName() throws(ProtobufSchemaError) -> String {
        current.kind == .string ? try expectString().text : try expectIdentifier().text
    }

    /// `5` or `9 to 11` or `40 to max`.
    private mutating func range(maximum: Int) throws(ProtobufSchemaError) -> ClosedRange<Int> {
        let low = try integer()
        var high = low.value
        if isKeyword("to") {
            advance()
            if isKeyword("max") {
                advance()
                high = maximum
            } else {
                high = try integer().value
            }
        }
        guard low.value <= high else {
            throw ProtobufSchemaError(.invalidDefinition, at: low.position, "the range \(low.value) to \(high) is empty; write the smaller number first")
        }
        return low.value...high
    }

    mutating func enter(_ position: ProtobufPosition) throws(ProtobufSchemaError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw ProtobufSchemaError(.limitExceeded, at: position, "definitions nest deeper than \(limits.maxDepth) levels")
        }
    }

    mutating func countDefinition(at position: ProtobufPosition) throws(ProtobufSchemaError) {
        definitions += 1
        guard definitions <= limits.maxDefinitions else {
            throw ProtobufSchemaError(.limitExceeded, at: position, "the file has more than \(limits.maxDefinitions) messages, enums, fields and values")
        }
    }

    func describe(_ token: ProtobufToken) -> String {
        switch token.kind {
        case .end: "the end of the schema"
        case .string: "a string"
        default: "'\(token.text)'"
        }
    }

    /// A string literal as canonical text writes it.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
