/// The UTF-8 text of an expression, turning byte offsets into 1-based line:column positions.
struct CELSource: Sendable {
    /// A 1-based line and column, the column counted in Unicode scalars.
    struct Location: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    let bytes: [UInt8]
    /// Byte offsets at which each line starts.
    private let lineStarts: [Int]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// The location of the byte at `offset`.
    func location(of offset: Int) -> Location {
        let clamped = min(offset, bytes.count)
        let lineIndex = lineStarts.lastIndex { $0 <= clamped } ?? 0
        let column = 1 + bytes[lineStarts[lineIndex]..<clamped].count { $0 & 0xC0 != 0x80 }
        return Location(line: lineIndex + 1, column: column)
    }

    func error(_ code: CELCompileError.Code, at offset: Int, _ message: String) -> CELCompileError {
        let location = location(of: offset)
        return CELCompileError(code, line: location.line, column: location.column, message: message)
    }
}
