extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace, RFC 9110 §5.6.3).
    /// Looks only at the ends, byte by byte: whitespace is two ASCII bytes, and a Character
    /// costs a grapheme break check each. Inlinable, so callers in other modules get it
    /// specialized rather than through the generic protocol's witness tables.
    @inlinable
    package var trimmingOptionalWhitespace: Substring {
        let text = self[...]
        let bytes = text.utf8
        func isWhitespace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { start = bytes.index(after: start) }
        while start < end, isWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return text[start..<end]
    }
}
