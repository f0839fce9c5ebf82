/// One lexical token of `.proto` text.
struct ProtobufToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier
        case integer
        case float
        /// A string literal; `text` is its decoded value.
        case string
        /// One punctuation character: `{ } [ ] ( ) < > ; , = . - +` and `:` `/` inside aggregates.
        case symbol
        case end
    }

    var kind: Kind
    var text: String
    var position: ProtobufPosition
}
