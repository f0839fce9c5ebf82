extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace, RFC 9110 §5.6.3).
    /// One pass over the UTF-8 bytes: whitespace is two ASCII bytes, and walking Characters
    /// costs a grapheme break check each.
    package var trimmingOptionalWhitespace: SubSequence {
        let bytes = utf8
        func isWhitespace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex
        while start < bytes.endIndex, isWhitespace(bytes[start]) { start = bytes.index(after: start) }
        var end = start
        var index = start
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if !isWhitespace(bytes[index]) { end = next }
            index = next
        }
        return self[start..<end]
    }
}
