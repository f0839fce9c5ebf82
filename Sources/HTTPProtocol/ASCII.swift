/// Byte classes from RFC 9110 §5.6 used by the parser and the header helpers.
enum ASCII {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let slash: UInt8 = 0x2F
    static let asterisk: UInt8 = 0x2A
    static let period: UInt8 = 0x2E
    static let hyphen: UInt8 = 0x2D
    static let percent: UInt8 = 0x25
    static let plus: UInt8 = 0x2B

    /// `tchar` from RFC 9110 §5.6.2, as a 128-entry table.
    private static let tokenTable: [Bool] = (0..<128).map { byte in
        let byte = UInt8(byte)
        return isLetter(byte) || isDigit(byte) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }

    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        byte < 128 && tokenTable[Int(byte)]
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// A byte allowed in a field value: VCHAR, obs-text, SP or HTAB (RFC 9110 §5.5).
    static func isFieldValueCharacter(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// Splits a list-valued field (RFC 9110 §5.6.1) into trimmed, lower-cased, non-empty elements.
    static func lowercasedListElements(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { element in
            let trimmed = element.utf8.drop(while: isWhitespace).reversed().drop(while: isWhitespace).reversed()
            return trimmed.isEmpty ? nil : String(decoding: trimmed.map(lowercased), as: UTF8.self)
        }
    }
}
