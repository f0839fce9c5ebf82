extension JSONParser {
    /// Where the value at `pointer` starts in `text`, a JSON text that parses: its 1-based line and
    /// column (in Unicode scalars), or those of its nearest existing ancestor when the pointer does
    /// not exist; nil when `text` is not JSON.
    ///
    /// The text is read again for each call, so parsing keeps no positions: ask only when a message
    /// needs one (a validation error), as `file:line:column`.
    public static func location(of pointer: JSONPointer, in text: some Collection<UInt8>) -> (line: Int, column: Int)? {
        let bytes = Array(text)
        guard (try? parse(bytes)) != nil else { return nil }
        var parser = JSONParser(bytes: bytes, limits: .default)
        guard let offset = try? parser.offset(of: pointer) else { return nil }
        return lineAndColumn(at: offset, in: bytes)
    }

    /// The byte offset of the value at `pointer`, or of its nearest existing ancestor.
    private mutating func offset(of pointer: JSONPointer) throws(JSONSyntaxError) -> Int {
        skipWhitespace()
        var found = index
        for token in pointer.tokens {
            guard let child = try childOffset(named: token) else { break }
            index = child
            found = child
        }
        return found
    }

    /// The offset of the member `token` of the object (or the element `token` of the array) that
    /// starts at `index`; nil when there is none. Moves `index` past what it reads.
    private mutating func childOffset(named token: String) throws(JSONSyntaxError) -> Int? {
        let isObject = peek(UInt8(ascii: "{"))
        guard isObject || peek(UInt8(ascii: "[")) else { return nil }
        let position = isObject ? nil : Int(token).flatMap { $0 >= 0 && String($0) == token ? $0 : nil }
        index += 1
        var count = 0
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "}")) || peek(UInt8(ascii: "]")) { return nil }
            if isObject {
                let key = try parseString()
                skipWhitespace()
                index += 1
                skipWhitespace()
                if key == token { return index }
            } else if position == count {
                return index
            }
            _ = try parseValue()
            count += 1
            skipWhitespace()
            guard peek(UInt8(ascii: ",")) else { return nil }
            index += 1
        }
    }
}
