/// Finds where an expression reads `variables.<name>`, skipping string literals and comments,
/// so each expression computes only the variables it mentions, and a misspelled name is refused
/// at load time. A bare `variables` (indexing, `has()`, `size()`) counts as reading all of them.
enum VariableReferenceScanner {
    /// One mention: the variable's name (nil for the whole map) and its 1-based line and column.
    struct Reference: Sendable, Hashable {
        var name: String?
        var line: Int
        var column: Int
    }

    static func references(in expression: String) -> [Reference] {
        let bytes = Array(expression.utf8)
        var references: [Reference] = []
        var index = 0
        var previousSignificant: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                let raw = index > 0 && bytes[index - 1] | 0x20 == UInt8(ascii: "r")
                index = endOfString(bytes, from: index, raw: raw)
                previousSignificant = byte
                continue
            }
            guard byte.isIdentifierByte else {
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                    previousSignificant = byte
                }
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index].isIdentifierByte { index += 1 }
            let isField = previousSignificant == UInt8(ascii: ".")
            previousSignificant = bytes[index - 1]
            guard !isField, bytes[start..<index].elementsEqual("variables".utf8) else { continue }
            var cursor = skipSpace(bytes, from: index)
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                cursor = skipSpace(bytes, from: cursor + 1)
                let nameStart = cursor
                while cursor < bytes.count, bytes[cursor].isIdentifierByte { cursor += 1 }
                if cursor > nameStart {
                    references.append(reference(String(decoding: bytes[nameStart..<cursor], as: UTF8.self), at: nameStart, in: bytes))
                    index = cursor
                    previousSignificant = bytes[cursor - 1]
                    continue
                }
            }
            references.append(reference(nil, at: start, in: bytes))
        }
        return references
    }

    private static func reference(_ name: String?, at offset: Int, in bytes: [UInt8]) -> Reference {
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<offset].count { $0 == UInt8(ascii: "\n") }
        let column = 1 + bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 }
        return Reference(name: name, line: line, column: column)
    }

    private static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) { index += 1 }
        return index
    }

    /// The index just past the string literal starting at `start` (single, double or triple quoted).
    private static func endOfString(_ bytes: [UInt8], from start: Int, raw: Bool) -> Int {
        let quote = bytes[start]
        let isTriple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (isTriple ? 3 : 1)
        while index < bytes.count {
            if !raw, bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote {
                if !isTriple { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return index
    }
}
