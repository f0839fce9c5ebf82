/// Limits that keep a hostile document from exhausting memory or the stack.
public struct JSONLimits: Sendable, Hashable {
    public var maxBytes: Int
    public var maxDepth: Int
    public var maxStringBytes: Int
    public var maxNumberLength: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxStringBytes: Int = 1 << 20, maxNumberLength: Int = 100) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberLength = maxNumberLength
    }

    public static let `default` = JSONLimits()
}

/// A JSON syntax error, with the 1-based line and column where it was found.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// A strict RFC 8259 parser: no comments, no trailing commas, no duplicate keys, valid UTF-8 only.
public struct JSONParser {
    let bytes: [UInt8]
    private let limits: JSONLimits
    var index = 0
    private var depth = 0

    /// Parses one JSON text; whitespace may surround it, nothing else may follow.
    public static func parse(_ input: some Collection<UInt8>, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: Array(input), limits: limits)
        return try parser.parseDocument()
    }

    public static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }

    init(bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count > limits.maxBytes {
            throw error("the document is \(bytes.count) bytes; the limit is \(limits.maxBytes)", at: 0)
        }
        skipWhitespace()
        if index == bytes.count { throw error("the document is empty; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected \(describe(bytes[index])) after the JSON value") }
        return value
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describe(bytes[index])); expected a value")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > limits.maxDepth { throw error("nesting is deeper than \(limits.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a string key in double quotes") }
            let keyStart = index
            let key = try parseString()
            if object[key] != nil { throw error("duplicate key \"\(key)\"; each key may appear once", at: keyStart) }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after the key \"\(key)\"") }
            index += 1
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; break }
            throw error("expected ',' or '}' in the object")
        }
        depth -= 1
        return .object(object)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; break }
            throw error("expected ',' or ']' in the array")
        }
        depth -= 1
        return .array(elements)
    }

    /// Reads a string; runs of bytes without escapes are taken whole, and a string without
    /// escapes (most keys and values) is made straight from the input. An ASCII string needs no
    /// UTF-8 validation, so only strings with bytes from 0x80 up pay for it.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var buffer: [UInt8] = []
        var run = index
        var unionOfBytes: UInt8 = 0
        while true {
            while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                unionOfBytes |= bytes[index]
                index += 1
            }
            if buffer.count + index - run > limits.maxStringBytes {
                throw error("a string is longer than \(limits.maxStringBytes) bytes", at: start)
            }
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let isASCII = unionOfBytes < 0x80
                let string: String?
                if buffer.isEmpty {
                    string = bytes.withUnsafeBufferPointer { all in
                        let slice = UnsafeBufferPointer(rebasing: all[run..<index])
                        return isASCII ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
                    }
                } else {
                    buffer += bytes[run..<index]
                    string = isASCII ? String(decoding: buffer, as: UTF8.self) : String(validating: buffer, as: UTF8.self)
                }
                index += 1
                guard let string else { throw error("the string is not valid UTF-8", at: start) }
                return string
            case UInt8(ascii: "\\"):
                buffer += bytes[run..<index]
                index += 1
                try parseEscape(into: &buffer)
                run = index
            default:
                throw error("control character \(describe(byte)) in a string; escape it")
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        guard index < bytes.count else { throw error("unterminated escape sequence") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw error("a high surrogate \\u escape must be followed by a low surrogate")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("a lone low surrogate in a \\u escape")
            }
            buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            index -= 1
            throw error("invalid escape '\\\(describe(byte))'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexDigitValue(bytes[index]) else { throw error("a \\u escape needs four hex digits") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("numbers may not have leading zeros", at: start) }
        } else {
            guard try consumeDigits() else { throw error("expected a digit", at: index) }
        }
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard try consumeDigits() else { throw error("expected a digit after the decimal point") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard try consumeDigits() else { throw error("expected a digit in the exponent") }
        }
        if index - start > limits.maxNumberLength {
            throw error("a number is longer than \(limits.maxNumberLength) characters", at: start)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else {
            throw error("the number \(text) is out of range", at: start)
        }
        return .double(double)
    }

    private mutating func consumeDigits() throws(JSONSyntaxError) -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONSyntaxError) {
        let expected = literal.utf8
        guard bytes[index...].starts(with: expected) else {
            throw error("unexpected \(describe(bytes[index])); expected a value")
        }
        index += expected.count
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20..<0x7F: "'\(Character(Unicode.Scalar(byte)))'"
        default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let position = offset ?? index
        let location = Self.lineAndColumns(at: [position], in: bytes)[position] ?? (1, 1)
        let atEnd = offset == nil && index >= bytes.count && !message.hasPrefix("unexpected end")
        return JSONSyntaxError(line: location.line, column: location.column, message: atEnd ? "unexpected end of input; " + message : message)
    }

    /// The 1-based line and column (in Unicode scalars) of each byte offset, in one pass over
    /// `bytes`: positions are worked out only when a message needs them, so parsing keeps none.
    static func lineAndColumns(at offsets: some Sequence<Int>, in bytes: [UInt8]) -> [Int: (line: Int, column: Int)] {
        var locations: [Int: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var position = 0
        for offset in Set(offsets).sorted() {
            while position < min(max(offset, 0), bytes.count) {
                if bytes[position] == 0x0A {
                    line += 1
                    column = 1
                } else if bytes[position] & 0xC0 != 0x80 {
                    column += 1
                }
                position += 1
            }
            locations[offset] = (line, column)
        }
        return locations
    }
}

func hexDigitValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}
