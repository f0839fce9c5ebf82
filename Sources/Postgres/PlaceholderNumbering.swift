/// Rewrites the portable `?` parameters of a statement into PostgreSQL's numbered `$1`, `$2`, …
/// (docs/ARCHITECTURE.md, "Storage seam"). A `?` inside a quoted string, a quoted identifier or a
/// comment is text and stays.
enum PlaceholderNumbering {
    static func numbered(_ sql: String) -> String {
        guard sql.utf8.contains(UInt8(ascii: "?")) else { return sql }
        var output: [UInt8] = []
        output.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var closing: [UInt8]? = nil
        let bytes = Array(sql.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let end = closing {
                output.append(byte)
                if bytes[index...].starts(with: end) {
                    output.append(contentsOf: end.dropFirst())
                    index += end.count
                    closing = nil
                    continue
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "'"): closing = [UInt8(ascii: "'")]
            case UInt8(ascii: "\""): closing = [UInt8(ascii: "\"")]
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"): closing = [UInt8(ascii: "\n")]
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"): closing = Array("*/".utf8)
            case UInt8(ascii: "?"):
                number += 1
                output.append(contentsOf: "$\(number)".utf8)
                index += 1
                continue
            default: break
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
