/// One row of a result: each column's text (PostgreSQL's text output format) or nil for NULL.
public struct PostgresRow: Sendable, Hashable {
    let columns: [String: Int]
    let values: [String?]

    /// The column's text, or nil when it is NULL or absent.
    public func string(_ column: String) -> String? {
        columns[column].flatMap { values[$0] }
    }

    public func int64(_ column: String) -> Int64? {
        string(column).flatMap { Int64($0) }
    }

    public func int(_ column: String) -> Int? {
        string(column).flatMap { Int($0) }
    }

    public func double(_ column: String) -> Double? {
        string(column).flatMap { Double($0) }
    }

    public func bool(_ column: String) -> Bool? {
        switch string(column) {
        case "t": true
        case "f": false
        default: nil
        }
    }

    /// A `bytea` column, which the text format writes as `\x` followed by hex digits.
    public func bytes(_ column: String) -> [UInt8]? {
        guard let text = string(column) else { return nil }
        let hex = Array(text.utf8)
        guard hex.count >= 2, hex[0] == UInt8(ascii: "\\"), hex[1] == UInt8(ascii: "x"), hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((hex.count - 2) / 2)
        var index = 2
        while index < hex.count {
            guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
