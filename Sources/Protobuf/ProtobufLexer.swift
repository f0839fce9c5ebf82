/// Splits `.proto` text into tokens, skipping whitespace and comments (Protocol Buffers language
/// specification, "Lexical elements").
struct ProtobufLexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Every token, ending with `.end`.
    mutating func tokens() throws(ProtobufSchemaError) -> [ProtobufToken] {
        var tokens: [ProtobufToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: ProtobufPosition { ProtobufPosition(line: line, column: offset - lineStart + 1) }

    private mutating func next() throws(ProtobufSchemaError) -> ProtobufToken {
        try skipSpaceAndComments()
        let start = position
        guard offset < bytes.count else { return ProtobufToken(kind: .end, text: "", position: start) }
        let byte = bytes[offset]
        if Self.isLetter(byte) {
            let begin = offset
            while offset < bytes.count, Self.isLetter(bytes[offset]) || Self.isDigit(bytes[offset]) { offset += 1 }
            return ProtobufToken(kind: .identifier, text: String(decoding: bytes[begin..<offset], as: UTF8.self), position: start)
        }
        if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && offset + 1 < bytes.count && Self.isDigit(bytes[offset + 1])) {
            return try number(start)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return try string(start) }
        if "{}[]()<>;,=.-+:/".utf8.contains(byte) {
            offset += 1
            return ProtobufToken(kind: .symbol, text: String(UnicodeScalar(byte)), position: start)
        }
        throw ProtobufSchemaError(.invalidToken, at: start, "unexpected character '\(Self.printable(byte))'; remove it or put it inside a string")
    }

    private mutating func skipSpaceAndComments() throws(ProtobufSchemaError) {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                offset += 1
                line += 1
                lineStart = offset
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C {
                offset += 1
            } else if byte == UInt8(ascii: "/"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "/") {
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
            } else if byte == UInt8(ascii: "/"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "*") {
                let start = position
                offset += 2
                while true {
                    guard offset + 1 < bytes.count else {
                        throw ProtobufSchemaError(.invalidToken, at: start, "this block comment is never closed; end it with */")
                    }
                    if bytes[offset] == UInt8(ascii: "*"), bytes[offset + 1] == UInt8(ascii: "/") {
                        offset += 2
                        break
                    }
                    if bytes[offset] == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = offset + 1
                    }
                    offset += 1
                }
            } else {
                return
            }
        }
    }

    /// Decimal, octal and hex integers; floats with a fraction or an exponent.
    private mutating func number(_ start: ProtobufPosition) throws(ProtobufSchemaError) -> ProtobufToken {
        let begin = offset
        var isFloat = false
        if bytes[offset] == UInt8(ascii: "0"), offset + 1 < bytes.count, bytes[offset + 1] | 0x20 == UInt8(ascii: "x") {
            offset += 2
            while offset < bytes.count, Self.isHexDigit(bytes[offset]) { offset += 1 }
            guard offset > begin + 2 else { throw ProtobufSchemaError(.invalidToken, at: start, "'0x' needs hex digits after it") }
        } else {
            while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                isFloat = true
                offset += 1
                while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
            }
            if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
                isFloat = true
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                let digits = offset
                while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
                guard offset > digits else { throw ProtobufSchemaError(.invalidToken, at: start, "an exponent needs digits, e.g. 1e10") }
            }
        }
        if offset < bytes.count, Self.isLetter(bytes[offset]) {
            throw ProtobufSchemaError(.invalidToken, at: start, "a number may not run into letters; put a space or an operator between them")
        }
        return ProtobufToken(kind: isFloat ? .float : .integer, text: String(decoding: bytes[begin..<offset], as: UTF8.self), position: start)
    }

    /// A quoted string with C-style escapes (`\n`, `\x41`, `\101`, `\u00e9`, …), decoded to UTF-8.
    private mutating func string(_ start: ProtobufPosition) throws(ProtobufSchemaError) -> ProtobufToken {
        let quote = bytes[offset]
        offset += 1
        var value: [UInt8] = []
        while true {
            guard offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") else {
                throw ProtobufSchemaError(.invalidToken, at: start, "this string is not closed on its line; add the closing quote")
            }
            let byte = bytes[offset]
            offset += 1
            if byte == quote { break }
            guard byte == UInt8(ascii: "\\") else {
                value.append(byte)
                continue
            }
            guard offset < bytes.count else { continue }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "n"): value.append(0x0A)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "r"): value.append(0x0D)
            case UInt8(ascii: "a"): value.append(0x07)
            case UInt8(ascii: "b"): value.append(0x08)
            case UInt8(ascii: "f"): value.append(0x0C)
            case UInt8(ascii: "v"): value.append(0x0B)
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                value.append(UInt8(try digits(radix: 16, max: 2, start)))
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                offset -= 1
                value.append(UInt8(truncatingIfNeeded: try digits(radix: 8, max: 3, start)))
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let code = try digits(radix: 16, max: escape == UInt8(ascii: "u") ? 4 : 8, start)
                guard let scalar = Unicode.Scalar(code) else {
                    throw ProtobufSchemaError(.invalidToken, at: start, "\\u escape \(String(code, radix: 16)) is not a Unicode scalar")
                }
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"): value.append(escape)
            default:
                throw ProtobufSchemaError(.invalidToken, at: start, "unknown escape '\\\(Self.printable(escape))' in a string")
            }
        }
        return ProtobufToken(kind: .string, text: String(decoding: value, as: UTF8.self), position: start)
    }

    private mutating func digits(radix: UInt32, max: Int, _ start: ProtobufPosition) throws(ProtobufSchemaError) -> UInt32 {
        var value: UInt32 = 0
        var count = 0
        while count < max, offset < bytes.count, let digit = Character(UnicodeScalar(bytes[offset])).hexDigitValue, UInt32(digit) < radix {
            value = value * radix + UInt32(digit)
            offset += 1
            count += 1
        }
        guard count > 0 else { throw ProtobufSchemaError(.invalidToken, at: start, "an escape in a string needs digits") }
        return value
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    private static func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }
}
