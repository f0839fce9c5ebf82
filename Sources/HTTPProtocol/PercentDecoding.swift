/// Decodes `%XX` escapes (RFC 3986 §2.1), and `+` as a space in form-style queries.
public enum PercentDecoding {
    /// Decodes the escapes; an invalid escape stays as written, invalid UTF-8 becomes U+FFFD.
    public static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        guard text.utf8.contains(where: { $0 == ASCII.percent || (plusIsSpace && $0 == ASCII.plus) }) else { return String(text) }
        let utf8 = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == ASCII.percent, index + 2 < utf8.count,
               let high = ASCII.hexValue(utf8[index + 1]), let low = ASCII.hexValue(utf8[index + 2]) {
                decoded.append(UInt8(high * 16 + low))
                index += 3
                continue
            }
            decoded.append(plusIsSpace && byte == ASCII.plus ? ASCII.space : byte)
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
