/// Reads one quoted string or bytes literal: `'…'`, `"…"`, `'''…'''`, `"""…"""`, raw or not,
/// with the escapes of CEL langdef "String and Bytes Literals" (`\n`, `\x41`, `\u00e9`, `\U0001F600`, `\101`).
struct CELStringLiteral {
    let source: CELSource
    /// The byte offset of the opening quote, then of the byte after the closing quote.
    private(set) var position: Int
    let raw: Bool
    let isBytes: Bool
    private var output: [UInt8] = []

    init(source: CELSource, position: Int, raw: Bool, isBytes: Bool) {
        self.source = source
        self.position = position
        self.raw = raw
        self.isBytes = isBytes
    }

    private var bytes: [UInt8] { source.bytes }

    mutating func read() throws(CELCompileError) -> CELToken.Kind {
        let start = position
        let quote = bytes[position]
        let triple = position + 2 < bytes.count && bytes[position + 1] == quote && bytes[position + 2] == quote
        position += triple ? 3 : 1
        while true {
            guard position < bytes.count else {
                throw source.error(.syntax, at: start, "unterminated literal; close it with \(Self.quoteText(quote, triple))")
            }
            let byte = bytes[position]
            if byte == quote && (!triple || (position + 2 < bytes.count && bytes[position + 1] == quote && bytes[position + 2] == quote)) {
                position += triple ? 3 : 1
                break
            }
            if !triple && (byte == 0x0A || byte == 0x0D) {
                throw source.error(.syntax, at: position, "line break inside a single-quoted literal; use \\n or a triple-quoted literal")
            }
            if byte == UInt8(ascii: "\\") && !raw {
                try readEscape()
            } else {
                output.append(byte)
                position += 1
            }
        }
        return isBytes ? .bytes(output) : .string(String(decoding: output, as: UTF8.self))
    }

    private static func quoteText(_ quote: UInt8, _ triple: Bool) -> String {
        String(repeating: String(UnicodeScalar(quote)), count: triple ? 3 : 1)
    }

    private mutating func readEscape() throws(CELCompileError) {
        let start = position
        position += 1
        guard position < bytes.count else { throw source.error(.syntax, at: start, "unterminated escape sequence") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "a"): output.append(0x07)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "v"): output.append(0x0B)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "?"):
            output.append(letter)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            appendCodeUnit(try hexadecimal(digits: 2, escapeStart: start))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let value = try hexadecimal(digits: letter == UInt8(ascii: "u") ? 4 : 8, escapeStart: start)
            guard let scalar = Unicode.Scalar(value) else {
                throw source.error(.syntax, at: start, "escape names no Unicode scalar (surrogate or above U+10FFFF)")
            }
            output.append(contentsOf: Array(String(scalar).utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            guard position + 1 < bytes.count, (0x30...0x37).contains(bytes[position]), (0x30...0x37).contains(bytes[position + 1]) else {
                throw source.error(.syntax, at: start, "octal escape needs three digits, \\000 to \\377")
            }
            appendCodeUnit(UInt32(letter - 0x30) * 64 + UInt32(bytes[position] - 0x30) * 8 + UInt32(bytes[position + 1] - 0x30))
            position += 2
        default:
            throw source.error(.syntax, at: start, "unknown escape sequence '\\\(UnicodeScalar(letter))'")
        }
    }

    /// `\x` and octal escapes are raw bytes in bytes literals and code points in strings.
    private mutating func appendCodeUnit(_ value: UInt32) {
        if isBytes {
            output.append(UInt8(value))
        } else {
            output.append(contentsOf: Array(String(Unicode.Scalar(UInt8(value))).utf8))
        }
    }

    private mutating func hexadecimal(digits: Int, escapeStart: Int) throws(CELCompileError) -> UInt32 {
        guard position + digits <= bytes.count, bytes[position..<position + digits].allSatisfy(\.isHexDigit),
            let value = UInt32(String(decoding: bytes[position..<position + digits], as: UTF8.self), radix: 16)
        else {
            throw source.error(.syntax, at: escapeStart, "escape needs \(digits) hexadecimal digits")
        }
        position += digits
        return value
    }
}
