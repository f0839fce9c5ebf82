import YAML

/// The lines of a YAML file, to point at mapping keys and inside scalars, which the YAML
/// reader's node locations do not reach.
struct SourceText: Sendable {
    /// The lines, as Unicode scalars (YAML columns count scalars).
    let lines: [[Unicode.Scalar]]

    init(bytes: [UInt8]) {
        lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in Array(line.unicodeScalars.filter { $0 != "\r" }) }
    }

    private func line(_ number: Int) -> [Unicode.Scalar] {
        lines.indices.contains(number - 1) ? lines[number - 1] : []
    }

    /// Where `key` is written, searching back from its value's location to its mapping's; the
    /// value's location when the key cannot be found (a key written in flow style, say).
    func keyLocation(_ key: String, value: SourceLocation, mapping: SourceLocation) -> SourceLocation {
        let needle = Array(key.unicodeScalars)
        var number = value.line
        while number >= mapping.line, number >= 1 {
            let text = line(number)
            let limit = number == value.line ? value.column - 1 : text.count
            if let column = Self.firstKey(needle, in: text, before: limit) { return SourceLocation(line: number, column: column) }
            number -= 1
        }
        return value
    }

    /// The 1-based column of `needle` written as a key (followed, after an optional quote, by `:`).
    private static func firstKey(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], before limit: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        for start in 0...(text.count - needle.count) where start < max(limit, 1) {
            guard Array(text[start..<start + needle.count]) == needle else { continue }
            var end = start + needle.count
            if end < text.count, text[end] == "'" || text[end] == "\"" { end += 1 }
            if end < text.count, text[end] == ":" { return start + 1 }
        }
        return nil
    }

    /// The file location of `line:column` inside the scalar that starts at `scalar`: quotes,
    /// escapes, block indentation and line folding are walked so the column lands on the character.
    func location(inScalarAt scalar: SourceLocation, line targetLine: Int, column targetColumn: Int, scalarText: String) -> SourceLocation {
        let decodedLines = scalarText.split(separator: "\n", omittingEmptySubsequences: false)
        var target = targetColumn - 1
        for index in 0..<max(0, min(targetLine - 1, decodedLines.count)) { target += decodedLines[index].unicodeScalars.count + 1 }
        let first = line(scalar.line)
        let indicator = first.indices.contains(scalar.column - 1) ? first[scalar.column - 1] : " "
        switch indicator {
        case "|", ">": return blockLocation(header: scalar.line, target: target)
        case "'", "\"": return flowLocation(start: scalar, quote: indicator, target: target)
        default: return flowLocation(start: scalar, quote: nil, target: target)
        }
    }

    /// Walks a literal or folded block scalar: either way a line break is one decoded character.
    private func blockLocation(header: Int, target: Int) -> SourceLocation {
        var number = header + 1
        while number <= lines.count, line(number).allSatisfy({ $0 == " " }) { number += 1 }
        let indent = line(number).prefix { $0 == " " }.count
        var remaining = target
        while number <= lines.count {
            let length = max(0, line(number).count - indent)
            if remaining <= length { return SourceLocation(line: number, column: indent + remaining + 1) }
            remaining -= length + 1
            number += 1
        }
        return SourceLocation(line: header, column: 1)
    }

    /// Walks a plain or quoted scalar, counting `''` and backslash escapes as one character and
    /// a line break plus the next line's indentation as one space.
    private func flowLocation(start: SourceLocation, quote: Unicode.Scalar?, target: Int) -> SourceLocation {
        var number = start.line
        var text = line(number)
        var index = start.column - 1 + (quote == nil ? 0 : 1)
        var decoded = 0
        while decoded < target {
            if index >= text.count {
                guard number < lines.count else { break }
                number += 1
                text = line(number)
                index = text.prefix { $0 == " " || $0 == "\t" }.count
                decoded += 1
                continue
            }
            index += Self.rawLength(of: text, at: index, quote: quote)
            decoded += 1
        }
        return SourceLocation(line: number, column: index + 1)
    }

    /// How many source characters spell the next decoded character.
    private static func rawLength(of text: [Unicode.Scalar], at index: Int, quote: Unicode.Scalar?) -> Int {
        switch quote {
        case "'" where text[index] == "'": return 2
        case "\"" where text[index] == "\\" && index + 1 < text.count:
            switch text[index + 1] {
            case "x": return 4
            case "u": return 6
            case "U": return 10
            default: return 2
            }
        default: return 1
        }
    }
}
