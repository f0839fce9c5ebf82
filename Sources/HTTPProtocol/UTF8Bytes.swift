extension Substring {
    /// Whether the text begins with `prefix`, compared byte by byte over contiguous UTF-8. A
    /// request path is ASCII, and `utf8.starts(with:)` would step a `String.Index` per byte.
    @inlinable
    package func hasBytePrefix(_ prefix: String) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { expected in
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.count >= expected.count && zip(bytes, expected).allSatisfy { $0 == $1 }
            } ?? utf8.starts(with: expected)
        }
    }

    /// Whether the path is `prefix` or lies under it: `/ui` and `/ui/catalog`, not `/uix`.
    @inlinable
    package func isPathOrUnder(_ prefix: String) -> Bool {
        hasBytePrefix(prefix) && (utf8.count == prefix.utf8.count || utf8.dropFirst(prefix.utf8.count).first == UInt8(ascii: "/"))
    }
}

extension Array where Element == UInt8 {
    /// Appends the text's UTF-8 in one copy from where it lies; `append(contentsOf: text.utf8)`
    /// costs several times more for the short pieces a header or a log line is made of.
    @inlinable
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends an integer's decimal digits (a status code, a length, a duration's parts).
    @inlinable
    package mutating func appendDecimal(_ value: Int) {
        guard value >= 0 else { return appendUTF8(String(value)) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
