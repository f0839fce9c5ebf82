import JSON

/// Line handling, node properties and bookkeeping shared by the block, flow and scalar readers.
extension YAMLParser {
    /// From a line start, skips empty and comment-only lines and returns the indentation of the
    /// next content line, leaving `index` at its start; nil at the end of input or at a `---` / `...` line.
    mutating func nextContentLine() throws(YAMLError) -> Int? {
        while index < bytes.count {
            var cursor = index
            while cursor < bytes.count, bytes[cursor] == ASCII.space { cursor += 1 }
            guard cursor < bytes.count else {
                index = cursor
                return nil
            }
            switch bytes[cursor] {
            case ASCII.lineFeed:
                index = cursor + 1
            case ASCII.hash:
                index = endOfLine(from: cursor)
            case ASCII.tab:
                var end = cursor
                while end < bytes.count, ASCII.isSpaceOrTab(bytes[end]) { end += 1 }
                guard end == bytes.count || bytes[end] == ASCII.lineFeed || bytes[end] == ASCII.hash else {
                    throw error(.tabIndentation, "a tab is used for indentation; indent with spaces only (YAML 1.2 §6.1)", at: cursor)
                }
                index = end
            default:
                if cursor == index, isDocumentMarker(.start, at: index) || isDocumentMarker(.end, at: index) { return nil }
                return cursor - index
            }
        }
        return nil
    }

    /// The offset just after the line feed ending the line that contains `offset`, or the end of input.
    func endOfLine(from offset: Int) -> Int {
        var cursor = offset
        while cursor < bytes.count, bytes[cursor] != ASCII.lineFeed { cursor += 1 }
        return min(cursor + 1, bytes.count)
    }

    /// Accepts spaces and a comment up to the end of the line, and moves to the next line.
    mutating func finishLine() throws(YAMLError) {
        skipSpaces()
        guard index < bytes.count else { return }
        guard isAtLineEnd() else {
            throw error(.syntax, "unexpected \(describe(bytes[index])) after the value; quote the whole value, or put a space before '#' to start a comment")
        }
        index = endOfLine(from: index)
    }

    /// Whether only a line break, a comment or the end of input is at `index`.
    func isAtLineEnd() -> Bool {
        guard index < bytes.count else { return true }
        if bytes[index] == ASCII.lineFeed { return true }
        return bytes[index] == ASCII.hash && (index == 0 || ASCII.isSpaceOrTab(bytes[index - 1]) || bytes[index - 1] == ASCII.lineFeed)
    }

    mutating func skipSpaces() {
        while index < bytes.count, ASCII.isSpaceOrTab(bytes[index]) { index += 1 }
    }

    /// Whitespace, a line break or the end of input.
    func isBlank(at offset: Int) -> Bool {
        offset >= bytes.count || ASCII.isSpaceOrTab(bytes[offset]) || bytes[offset] == ASCII.lineFeed
    }

    func isSequenceEntry(at offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == ASCII.dash && isBlank(at: offset + 1)
    }

    /// `---` or `...` at the start of a line, followed by whitespace or the end of the line.
    func isDocumentMarker(_ marker: DocumentMarker, at offset: Int) -> Bool {
        guard offset + 3 <= bytes.count, offset == 0 || bytes[offset - 1] == ASCII.lineFeed else { return false }
        let byte = marker.rawValue
        return bytes[offset] == byte && bytes[offset + 1] == byte && bytes[offset + 2] == byte && isBlank(at: offset + 3)
    }

    /// Whether the line from `index` is an implicit key: a one-line scalar followed by ': '.
    func lineHasImplicitKey() -> Bool {
        var cursor = index
        let quote = bytes[cursor]
        if [ASCII.openBracket, ASCII.openBrace, ASCII.asterisk, ASCII.pipe, ASCII.greaterThan].contains(quote) { return false }
        if quote == ASCII.doubleQuote || quote == ASCII.singleQuote {
            cursor += 1
            while true {
                guard cursor < bytes.count, bytes[cursor] != ASCII.lineFeed else { return false }
                if quote == ASCII.doubleQuote, bytes[cursor] == ASCII.backslash {
                    cursor += 2
                } else if bytes[cursor] == quote {
                    cursor += 1
                    guard quote == ASCII.singleQuote, cursor < bytes.count, bytes[cursor] == quote else { break }
                    cursor += 1
                } else {
                    cursor += 1
                }
            }
            while cursor < bytes.count, ASCII.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
            return cursor < bytes.count && bytes[cursor] == ASCII.colon && isBlank(at: cursor + 1)
        }
        while cursor < bytes.count, bytes[cursor] != ASCII.lineFeed {
            if bytes[cursor] == ASCII.colon, isBlank(at: cursor + 1) { return true }
            if ASCII.isSpaceOrTab(bytes[cursor]), cursor + 1 < bytes.count, bytes[cursor + 1] == ASCII.hash { return false }
            cursor += 1
        }
        return false
    }

    // MARK: Anchors, aliases, tags

    /// Reads `&name` and the spaces after it, if present; refuses tags.
    mutating func parseAnchor(allowed: Bool) throws(YAMLError) -> String? {
        if index < bytes.count, bytes[index] == ASCII.exclamation { throw tagError() }
        guard index < bytes.count, bytes[index] == ASCII.ampersand else { return nil }
        guard allowed else { throw error(.syntax, "a node may have only one anchor; remove one of them") }
        let name = try parseName(after: "&")
        skipSpaces()
        if index < bytes.count, bytes[index] == ASCII.exclamation { throw tagError() }
        if index < bytes.count, bytes[index] == ASCII.ampersand { throw error(.syntax, "a node may have only one anchor; remove one of them") }
        return name
    }

    /// Runs `parse` and, when `anchor` is set, remembers its result under that name with its size and depth.
    mutating func parseAnchored(
        _ anchor: String?, _ parse: (inout YAMLParser) throws(YAMLError) -> JSONValue
    ) throws(YAMLError) -> JSONValue {
        let nodeCountBefore = nodeCount
        let deepestBefore = deepest
        deepest = depth
        let value = try parse(&self)
        if let anchor {
            anchors[anchor] = Anchor(value: value, nodeCount: nodeCount - nodeCountBefore, depth: deepest - depth)
        }
        deepest = max(deepest, deepestBefore)
        return value
    }

    /// Reads `*name` and returns a copy of the anchored node, counting it against the limits.
    mutating func parseAlias() throws(YAMLError) -> JSONValue {
        let start = index
        let name = try parseName(after: "*")
        guard let anchor = anchors[name] else {
            throw error(.undefinedAlias, "the alias *\(name) refers to no anchor defined before it; define &\(name) earlier in the document", at: start)
        }
        aliasExpandedNodes += anchor.nodeCount
        nodeCount += anchor.nodeCount
        if aliasExpandedNodes > limits.maxAliasExpansionNodes {
            throw error(
                .limitExceeded,
                "aliases expand to more than \(limits.maxAliasExpansionNodes) nodes (a \"billion laughs\" document?); use fewer aliases or raise YAMLLimits.maxAliasExpansionNodes",
                at: start)
        }
        if depth + anchor.depth > limits.maxDepth {
            throw error(.limitExceeded, "the alias *\(name) makes nesting deeper than \(limits.maxDepth) levels; flatten the document", at: start)
        }
        deepest = max(deepest, depth + anchor.depth)
        return anchor.value
    }

    /// The name after an `&` or `*` indicator at `index`.
    private mutating func parseName(after indicator: String) throws(YAMLError) -> String {
        let indicatorOffset = index
        index += 1
        let start = index
        while index < bytes.count, !isBlank(at: index), !ASCII.isFlowIndicator(bytes[index]) { index += 1 }
        guard index > start else {
            throw error(.syntax, "'\(indicator)' must be followed by a name, as in \(indicator)name", at: indicatorOffset)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    func tagError() -> YAMLError {
        error(.unsupported, "tags such as !!str or !Ref are not supported; remove the tag and quote the value if it must stay a string")
    }

    // MARK: Bookkeeping

    mutating func enterCollection() throws(YAMLError) {
        depth += 1
        deepest = max(deepest, depth)
        if depth > limits.maxDepth {
            throw error(.limitExceeded, "nesting is deeper than \(limits.maxDepth) levels; flatten the document or raise YAMLLimits.maxDepth")
        }
    }

    mutating func record(_ pointer: JSONPointer, at offset: Int) {
        let location = source.location(at: offset, after: lastLocation)
        lastLocation = (offset, location)
        locations[pointer] = location
    }

    func error(_ code: YAMLError.Code, _ message: String, at offset: Int? = nil) -> YAMLError {
        source.error(code, message, at: offset ?? index)
    }

    /// A byte as a message shows it: 'x' for printable ASCII, otherwise a name.
    func describe(_ byte: UInt8) -> String {
        switch byte {
        case ASCII.lineFeed: "line break"
        case ASCII.tab: "tab"
        case 0x21..<0x7F: "'\(Character(Unicode.Scalar(byte)))'"
        default: "character"
        }
    }
}
