/// One lexical token of a CEL expression with the byte offset where it starts.
struct CELToken: Sendable {
    enum Kind: Sendable, Hashable {
        /// A decimal or hexadecimal integer literal's magnitude (the sign is a separate `-`).
        case integer(UInt64)
        case unsigned(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case identifier(String)
        case symbol(Symbol)
        case end
    }

    enum Symbol: String, Sendable {
        case leftParenthesis = "(", rightParenthesis = ")", leftBracket = "[", rightBracket = "]"
        case leftBrace = "{", rightBrace = "}", dot = ".", comma = ",", colon = ":", question = "?"
        case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", exclamation = "!"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case and = "&&", or = "||"
    }

    var kind: Kind
    var offset: Int

    /// Words that may not name a variable or function, though they may follow a `.`.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    /// How the token reads in an error message.
    var text: String {
        switch kind {
        case .integer(let value): String(value)
        case .unsigned(let value): "\(value)u"
        case .double(let value): String(value)
        case .string: "string literal"
        case .bytes: "bytes literal"
        case .identifier(let name): name
        case .symbol(let symbol): symbol.rawValue
        case .end: "end of expression"
        }
    }
}
