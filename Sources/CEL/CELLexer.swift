/// Splits CEL source into tokens (CEL langdef "Syntax": lexical grammar).
struct CELLexer {
    private let source: CELSource
    private var bytes: [UInt8] { source.bytes }
    private var position = 0

    init(source: CELSource) { self.source = source }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(CELCompileError) -> [CELToken] {
        var tokens: [CELToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func skipWhitespaceAndComments() {
        while let byte = peek() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                position += 1
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let next = peek(), next != 0x0A { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func next() throws(CELCompileError) -> CELToken {
        skipWhitespaceAndComments()
        let start = position
        guard let byte = peek() else { return CELToken(kind: .end, offset: start) }
        if byte.isDigit || (byte == UInt8(ascii: ".") && peek(1)?.isDigit == true) {
            return CELToken(kind: try number(), offset: start)
        }
        if byte.isIdentifierStart {
            if let literal = try quotedLiteralWithPrefix() { return CELToken(kind: literal, offset: start) }
            while let next = peek(), next.isIdentifierStart || next.isDigit { position += 1 }
            return CELToken(kind: .identifier(String(decoding: bytes[start..<position], as: UTF8.self)), offset: start)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            var literal = CELStringLiteral(source: source, position: position, raw: false, isBytes: false)
            let kind = try literal.read()
            position = literal.position
            return CELToken(kind: kind, offset: start)
        }
        for length in [2, 1] where position + length <= bytes.count {
            let text = String(decoding: bytes[position..<position + length], as: UTF8.self)
            if let symbol = CELToken.Symbol(rawValue: text) {
                position += length
                return CELToken(kind: .symbol(symbol), offset: start)
            }
        }
        let character = String(decoding: bytes[position...].prefix(4), as: UTF8.self).prefix(1)
        throw source.error(.syntax, at: start, "unexpected character '\(character)'; CEL accepts identifiers, literals and operators")
    }

    /// A string or bytes literal introduced by `r`, `b`, `br` or `rb` (any case), or nil.
    private mutating func quotedLiteralWithPrefix() throws(CELCompileError) -> CELToken.Kind? {
        guard let first = peek().map({ $0 | 0x20 }) else { return nil }
        let second = peek(1).map { $0 | 0x20 }
        var raw = first == UInt8(ascii: "r")
        var isBytes = first == UInt8(ascii: "b")
        var length = raw || isBytes ? 1 : 0
        if raw && second == UInt8(ascii: "b") || isBytes && second == UInt8(ascii: "r") {
            raw = true
            isBytes = true
            length = 2
        }
        guard length > 0, let quote = peek(length), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            return nil
        }
        var literal = CELStringLiteral(source: source, position: position + length, raw: raw, isBytes: isBytes)
        let kind = try literal.read()
        position = literal.position
        return kind
    }

    private mutating func number() throws(CELCompileError) -> CELToken.Kind {
        let start = position
        if peek() == UInt8(ascii: "0"), let x = peek(1), x | 0x20 == UInt8(ascii: "x") {
            position += 2
            let digitsStart = position
            while let next = peek(), next.isHexDigit { position += 1 }
            let digits = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            guard let value = UInt64(digits, radix: 16) else {
                throw source.error(.syntax, at: start, "hexadecimal literal '0x\(digits)' is empty or exceeds 64 bits")
            }
            return integerSuffix(value)
        }
        while let next = peek(), next.isDigit { position += 1 }
        var isDouble = false
        if peek() == UInt8(ascii: "."), peek(1)?.isDigit == true {
            isDouble = true
            position += 1
            while let next = peek(), next.isDigit { position += 1 }
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            var ahead = 1
            if peek(ahead) == UInt8(ascii: "+") || peek(ahead) == UInt8(ascii: "-") { ahead += 1 }
            if peek(ahead)?.isDigit == true {
                isDouble = true
                position += ahead
                while let next = peek(), next.isDigit { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isDouble {
            guard let value = Double(text) else { throw source.error(.syntax, at: start, "malformed number '\(text)'") }
            return .double(value)
        }
        guard let value = UInt64(text) else {
            throw source.error(.syntax, at: start, "integer literal '\(text)' exceeds 64 bits")
        }
        return integerSuffix(value)
    }

    private mutating func integerSuffix(_ value: UInt64) -> CELToken.Kind {
        if let suffix = peek(), suffix | 0x20 == UInt8(ascii: "u") {
            position += 1
            return .unsigned(value)
        }
        return .integer(value)
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66) }
    var isIdentifierStart: Bool { (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A) || self == UInt8(ascii: "_") }
}
