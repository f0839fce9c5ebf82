extension JSONParser {
    /// Where the values at `pointers` start in `text`, a JSON text that parses: the 1-based line
    /// and column (in Unicode scalars) of each, or of its nearest existing ancestor when it does
    /// not exist; nil for each when `text` is not JSON.
    ///
    /// Parsing keeps no positions. This reads the text again, once for all the pointers, so a
    /// document with many validation errors costs one more parse, not one per error.
    public static func locations(of pointers: [JSONPointer], in text: some Collection<UInt8>) -> [(line: Int, column: Int)?] {
        let bytes = Array(text)
        guard (try? parse(bytes)) != nil else { return pointers.map { _ in nil } }
        var wanted: Set<[String]> = []
        for pointer in pointers {
            for length in 0...pointer.tokens.count { wanted.insert(Array(pointer.tokens.prefix(length))) }
        }
        var parser = JSONParser(bytes: bytes, limits: .default)
        var offsets: [[String]: Int] = [:]
        parser.skipWhitespace()
        try? parser.recordOffsets(at: [], wanted: wanted, into: &offsets)
        let positions = lineAndColumns(at: offsets.values, in: bytes)
        return pointers.map { pointer in
            var tokens = pointer.tokens
            while true {
                if let offset = offsets[tokens] { return positions[offset] }
                if tokens.isEmpty { return nil }
                tokens.removeLast()
            }
        }
    }

    /// Records the offset of the value at `index`, whose path is `path`, then of those of its
    /// members and elements that lead to a wanted path; reads past the value.
    private mutating func recordOffsets(at path: [String], wanted: Set<[String]>, into offsets: inout [[String]: Int]) throws(JSONSyntaxError) {
        offsets[path] = index
        let isObject = peek(UInt8(ascii: "{"))
        guard isObject || peek(UInt8(ascii: "[")) else {
            _ = try parseValue()
            return
        }
        index += 1
        var count = 0
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "}")) || peek(UInt8(ascii: "]")) {
                index += 1
                return
            }
            var child = path
            if isObject {
                child.append(try parseString())
                skipWhitespace()
                index += 1
                skipWhitespace()
            } else {
                child.append(String(count))
            }
            if wanted.contains(child) {
                try recordOffsets(at: child, wanted: wanted, into: &offsets)
            } else {
                _ = try parseValue()
            }
            count += 1
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1 }
        }
    }
}
