/// Encodes text for one URL path segment (RFC 3986 §3.3): every byte but the `pchar`s
/// (unreserved, sub-delims, `:` and `@`) becomes `%XX`, so a `/` cannot start a new segment.
public enum PercentEncoding {
    public static func pathSegment(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isPathCharacter) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isPathCharacter(byte) {
                encoded.append(byte)
            } else {
                encoded += [ASCII.percent, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "-._~!$&'()*+,;=:@".utf8.contains(byte)
        }
    }
}
