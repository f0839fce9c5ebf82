/// The bytes of a YAML document after the checks every later stage relies on: within the size
/// limit, valid UTF-8 without control characters, no byte order mark, line breaks as LF only.
struct YAMLSource: Sendable {
    let bytes: [UInt8]
    /// The offset of the first byte of each line.
    private let lineStarts: [Int]

    init(bytes input: [UInt8], limits: YAMLLimits) throws(YAMLError) {
        if input.count > limits.maxBytes {
            throw YAMLError(
                code: .limitExceeded, line: 1, column: 1,
                message: "the document is \(input.count) bytes; the limit is \(limits.maxBytes) bytes")
        }
        var bytes = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        if bytes.contains(ASCII.carriageReturn) { bytes = Self.normalizingLineBreaks(bytes) }
        self.bytes = bytes
        var lineStarts = [0]
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == ASCII.lineFeed { lineStarts.append(offset + 1) }
            offset += 1
        }
        self.lineStarts = lineStarts
        try validateCharacters()
    }

    /// YAML 1.2 §5.4: CRLF and a lone CR are line breaks, read as LF.
    private static func normalizingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.carriageReturn {
                normalized.append(ASCII.lineFeed)
                if index + 1 < bytes.count, bytes[index + 1] == ASCII.lineFeed { index += 1 }
            } else {
                normalized.append(bytes[index])
            }
            index += 1
        }
        return normalized
    }

    /// YAML 1.2 §5.1: only printable characters, tab and line breaks may appear.
    private func validateCharacters() throws(YAMLError) {
        if String(validating: bytes, as: UTF8.self) == nil {
            throw error(.invalidEncoding, "the document is not valid UTF-8; save it as UTF-8", at: firstInvalidUTF8Offset())
        }
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let isControl = (byte < 0x20 && byte != ASCII.tab && byte != ASCII.lineFeed) || byte == 0x7F
            let isC1Control = byte == 0xC2 && offset + 1 < bytes.count && (0x80...0x9F).contains(bytes[offset + 1]) && bytes[offset + 1] != 0x85
            if isControl || isC1Control {
                let value = isControl ? UInt32(byte) : UInt32(bytes[offset + 1])
                let hex = String(value, radix: 16, uppercase: true)
                throw error(
                    .invalidEncoding,
                    "control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) is not allowed; write it as an escape in a double-quoted string",
                    at: offset)
            }
            offset += 1
        }
    }

    /// Where the first byte sequence that is not UTF-8 starts; only called once validation failed.
    private func firstInvalidUTF8Offset() -> Int {
        var offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while case .valid(let encoded) = parser.parseScalar(from: &iterator) { offset += encoded.count }
        return offset
    }

    /// The line and column of a byte offset.
    func location(at offset: Int) -> SourceLocation {
        location(at: offset, after: nil)
    }

    /// The line and column of a byte offset, counting on from `known` when it is earlier on the
    /// same line, so that many nodes on one long line cost linear rather than quadratic time.
    func location(at offset: Int, after known: (offset: Int, location: SourceLocation)?) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        var start = lineStarts[line]
        var column = 1
        if let known, known.location.line == line + 1, known.offset <= clamped {
            start = known.offset
            column = known.location.column
        }
        for byte in bytes[start..<clamped] where byte & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The offset where the line containing `offset` begins.
    func lineStart(of offset: Int) -> Int {
        lineStarts[lineIndex(of: min(max(offset, 0), bytes.count))]
    }

    /// The 0-based line containing `offset`, by binary search over the line starts.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func error(_ code: YAMLError.Code, _ message: String, at offset: Int) -> YAMLError {
        let location = location(at: offset)
        return YAMLError(code: code, line: location.line, column: location.column, message: message)
    }
}

/// The ASCII bytes the YAML grammar is written in.
enum ASCII {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-")
    static let question = UInt8(ascii: "?")
    static let ampersand = UInt8(ascii: "&")
    static let asterisk = UInt8(ascii: "*")
    static let exclamation = UInt8(ascii: "!")
    static let percent = UInt8(ascii: "%")
    static let at = UInt8(ascii: "@")
    static let backtick = UInt8(ascii: "`")
    static let pipe = UInt8(ascii: "|")
    static let greaterThan = UInt8(ascii: ">")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let plus = UInt8(ascii: "+")

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == comma || byte == openBracket || byte == closeBracket || byte == openBrace || byte == closeBrace
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == space || byte == tab }
}
