/// Plain, quoted and block scalars (YAML 1.2 §7.3, §7.4, §8.1).
extension YAMLParser {
    /// How a block scalar treats its final line break and trailing empty lines (YAML 1.2 §8.1.1.2).
    private enum Chomping { case strip, clip, keep }

    /// Reads a plain scalar, folding continuation lines; `parentIndent` is nil inside flow collections.
    mutating func parsePlainScalar(parentIndent: Int?) throws(YAMLError) -> String {
        let start = index
        let isFlow = parentIndent == nil
        var text = Array(bytes[scanPlainLine(flow: isFlow)])
        while index < bytes.count, bytes[index] == ASCII.lineFeed {
            var cursor = index + 1
            var lineStart = cursor
            var emptyLines = 0
            var indent = 0
            while true {
                lineStart = cursor
                while cursor < bytes.count, bytes[cursor] == ASCII.space { cursor += 1 }
                indent = cursor - lineStart
                while cursor < bytes.count, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor] == ASCII.lineFeed else { break }
                emptyLines += 1
                cursor += 1
            }
            guard cursor < bytes.count, bytes[cursor] != ASCII.hash else { break }
            if let parentIndent {
                let isMarker = isDocumentMarker(.start, at: lineStart) || isDocumentMarker(.end, at: lineStart)
                guard indent > parentIndent, !isMarker else { break }
            } else if ASCII.isFlowIndicator(bytes[cursor]) || isValueIndicator(at: cursor, flow: true) {
                break
            }
            index = cursor
            let segment = scanPlainLine(flow: isFlow)
            text += emptyLines == 0 ? [ASCII.space] : Array(repeating: ASCII.lineFeed, count: emptyLines)
            text += bytes[segment]
            if !isFlow, isValueIndicator(at: index, flow: false) {
                throw error(.syntax, "': ' inside a multi-line value; quote the value, or align this line with the other keys if it is a new key")
            }
            try checkScalarLength(text.count, start: start)
        }
        try checkScalarLength(text.count, start: start)
        return String(decoding: text, as: UTF8.self)
    }

    /// Scans one line of a plain scalar from `index` and returns its bytes without trailing spaces;
    /// stops before ': ', ' #', a line break and, in flow context, the flow indicators.
    mutating func scanPlainLine(flow: Bool) -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.lineFeed || isValueIndicator(at: index, flow: flow) { break }
            if flow, ASCII.isFlowIndicator(byte) { break }
            if ASCII.isSpaceOrTab(byte), index + 1 < bytes.count, bytes[index + 1] == ASCII.hash { break }
            index += 1
        }
        var end = index
        while end > start, ASCII.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// A ':' that separates a key from its value: followed by a space, a line break or, in flow context, a flow indicator.
    func isValueIndicator(at offset: Int, flow: Bool) -> Bool {
        guard offset < bytes.count, bytes[offset] == ASCII.colon else { return false }
        return isBlank(at: offset + 1) || (flow && ASCII.isFlowIndicator(bytes[offset + 1]))
    }

    /// Reads a single- or double-quoted scalar starting at its opening quote.
    mutating func parseQuotedScalar() throws(YAMLError) -> String {
        let start = index
        let quote = bytes[index]
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw error(.syntax, "this quoted value is never closed; add the closing \(describe(quote))", at: start)
            }
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                guard quote == ASCII.singleQuote, index < bytes.count, bytes[index] == ASCII.singleQuote else {
                    try checkScalarLength(buffer.count, start: start)
                    return String(decoding: buffer, as: UTF8.self)
                }
                buffer.append(ASCII.singleQuote)
                index += 1
            case ASCII.backslash where quote == ASCII.doubleQuote:
                if index + 1 < bytes.count, bytes[index + 1] == ASCII.lineFeed {
                    index += 1
                    try foldLineBreaks(into: &buffer, quotedFrom: start, isEscaped: true)
                } else {
                    try parseEscape(into: &buffer)
                }
            case ASCII.space, ASCII.tab:
                var end = index
                while end < bytes.count, ASCII.isSpaceOrTab(bytes[end]) { end += 1 }
                if end == bytes.count || bytes[end] != ASCII.lineFeed { buffer += bytes[index..<end] }
                index = end
            case ASCII.lineFeed:
                try foldLineBreaks(into: &buffer, quotedFrom: start, isEscaped: false)
            default:
                buffer.append(byte)
                index += 1
            }
            try checkScalarLength(buffer.count, start: start)
        }
    }

    /// At a line break inside quotes: one break becomes a space, each further empty line a line
    /// feed, and the next line's leading whitespace goes (YAML 1.2 §7.3.1 and §6.5 line folding).
    private mutating func foldLineBreaks(into buffer: inout [UInt8], quotedFrom start: Int, isEscaped: Bool) throws(YAMLError) {
        index += 1
        var emptyLines = 0
        while true {
            if index < bytes.count, isDocumentMarker(.start, at: index) || isDocumentMarker(.end, at: index) {
                throw error(.syntax, "a document marker inside a quoted value; add the closing quote before this line", at: index)
            }
            skipSpaces()
            guard index < bytes.count, bytes[index] == ASCII.lineFeed else { break }
            emptyLines += 1
            index += 1
        }
        if emptyLines > 0 {
            buffer += Array(repeating: ASCII.lineFeed, count: emptyLines)
        } else if !isEscaped {
            buffer.append(ASCII.space)
        }
    }

    /// Reads the escape sequence at the backslash at `index` (YAML 1.2 §5.7).
    private mutating func parseEscape(into buffer: inout [UInt8]) throws(YAMLError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw error(.syntax, "this quoted value is never closed; add the closing '\"'", at: start) }
        let byte = bytes[index]
        index += 1
        let scalar: UInt32
        switch byte {
        case UInt8(ascii: "0"): scalar = 0
        case UInt8(ascii: "a"): scalar = 0x07
        case UInt8(ascii: "b"): scalar = 0x08
        case UInt8(ascii: "t"), ASCII.tab: scalar = 0x09
        case UInt8(ascii: "n"): scalar = 0x0A
        case UInt8(ascii: "v"): scalar = 0x0B
        case UInt8(ascii: "f"): scalar = 0x0C
        case UInt8(ascii: "r"): scalar = 0x0D
        case UInt8(ascii: "e"): scalar = 0x1B
        case ASCII.space, ASCII.doubleQuote, UInt8(ascii: "/"), ASCII.backslash: scalar = UInt32(byte)
        case UInt8(ascii: "N"): scalar = 0x85
        case UInt8(ascii: "_"): scalar = 0xA0
        case UInt8(ascii: "L"): scalar = 0x2028
        case UInt8(ascii: "P"): scalar = 0x2029
        case UInt8(ascii: "x"): scalar = try parseHexDigits(2, escapeStart: start)
        case UInt8(ascii: "u"): scalar = try parseHexDigits(4, escapeStart: start)
        case UInt8(ascii: "U"): scalar = try parseHexDigits(8, escapeStart: start)
        default:
            throw error(.syntax, "unknown escape '\\\(Character(Unicode.Scalar(byte)))'; write '\\\\' for a backslash, or use single quotes", at: start)
        }
        guard let unicodeScalar = Unicode.Scalar(scalar) else {
            throw error(.syntax, "the escape names U+\(String(scalar, radix: 16, uppercase: true)), which is not a Unicode scalar value; use \\U with the full code point", at: start)
        }
        buffer += Array(String(Character(unicodeScalar)).utf8)
    }

    private mutating func parseHexDigits(_ count: Int, escapeStart: Int) throws(YAMLError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard index < bytes.count, let digit = ScalarResolver.digitValue(bytes[index]) else {
                throw error(.syntax, "this escape needs \(count) hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads a literal `|` or folded `>` block scalar, header included (YAML 1.2 §8.1).
    mutating func parseBlockScalar(parentIndent: Int) throws(YAMLError) -> String {
        let start = index
        let isFolded = bytes[index] == ASCII.greaterThan
        index += 1
        var chomping: Chomping?
        var indentation: Int?
        while index < bytes.count, !isBlank(at: index) {
            let byte = bytes[index]
            if chomping == nil, byte == ASCII.dash || byte == ASCII.plus {
                chomping = byte == ASCII.dash ? .strip : .keep
            } else if indentation == nil, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) {
                indentation = Int(byte - UInt8(ascii: "0"))
            } else {
                throw error(.syntax, "unexpected \(describe(byte)) in the block scalar header; after | or > only an indentation digit 1-9 and '-' or '+' may follow")
            }
            index += 1
        }
        try finishLine()
        let minimumIndent = max(parentIndent + 1, 1)
        let contentIndent = indentation.map { minimumIndent + $0 - 1 } ?? detectBlockIndentation(minimum: minimumIndent)
        var text: [UInt8] = []
        var endsWithLineBreak = false
        var (emptyLines, isContent) = scanBlockEmptyLines(indent: contentIndent)
        while isContent {
            text += Array(repeating: ASCII.lineFeed, count: emptyLines)
            let textStart = index + contentIndent
            let lineEnd = endOfLine(from: textStart)
            let startsWithText = !ASCII.isSpaceOrTab(bytes[textStart])
            endsWithLineBreak = bytes[lineEnd - 1] == ASCII.lineFeed
            text += bytes[textStart..<(endsWithLineBreak ? lineEnd - 1 : lineEnd)]
            index = lineEnd
            (emptyLines, isContent) = scanBlockEmptyLines(indent: contentIndent)
            guard isContent else { break }
            if isFolded, startsWithText, !ASCII.isSpaceOrTab(bytes[index + contentIndent]) {
                if emptyLines == 0 { text.append(ASCII.space) }
            } else {
                text.append(ASCII.lineFeed)
            }
            try checkScalarLength(text.count, start: start)
        }
        if chomping != .strip, endsWithLineBreak { text.append(ASCII.lineFeed) }
        if chomping == .keep { text += Array(repeating: ASCII.lineFeed, count: emptyLines) }
        try checkScalarLength(text.count, start: start)
        return String(decoding: text, as: UTF8.self)
    }

    /// The indentation of a block scalar without an indicator: the most spaces before its first text.
    private func detectBlockIndentation(minimum: Int) -> Int {
        var cursor = index
        var widest = 0
        while cursor < bytes.count {
            let lineStart = cursor
            while cursor < bytes.count, bytes[cursor] == ASCII.space { cursor += 1 }
            widest = max(widest, cursor - lineStart)
            guard cursor < bytes.count, bytes[cursor] == ASCII.lineFeed else { break }
            cursor += 1
        }
        return max(widest, minimum)
    }

    /// Skips lines with no text at `indent`; says how many and whether a line with text at `indent` follows.
    private mutating func scanBlockEmptyLines(indent: Int) -> (count: Int, isContent: Bool) {
        var count = 0
        while true {
            var cursor = index
            while cursor < bytes.count, bytes[cursor] == ASCII.space, cursor - index < indent { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == ASCII.lineFeed else {
                return (count, cursor < bytes.count && cursor - index == indent)
            }
            count += 1
            index = cursor + 1
        }
    }

    private func checkScalarLength(_ length: Int, start: Int) throws(YAMLError) {
        if length > limits.maxScalarBytes {
            throw error(.limitExceeded, "a value is longer than \(limits.maxScalarBytes) bytes; shorten it or raise YAMLLimits.maxScalarBytes", at: start)
        }
    }
}
