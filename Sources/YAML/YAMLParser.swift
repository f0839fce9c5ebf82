import JSON

/// A recursive-descent reader for the block structure of one YAML 1.2 document (YAML 1.2 chapter 8).
///
/// Every block-level function returns with `index` at the start of a line or at the end of input.
/// Flow collections and scalars live in the `YAMLParser+Flow` and `YAMLParser+Scalars` files.
struct YAMLParser {
    /// What introduced the node being read; decides which indentation may hold its content.
    enum BlockContext { case document, mappingValue, sequenceItem }

    /// `---` starts a document and `...` ends one (YAML 1.2 §9.1.4); each is its byte three times.
    enum DocumentMarker: UInt8 {
        case start = 0x2D
        case end = 0x2E
    }

    /// A node defined with `&name`, with what an alias to it adds to the limits.
    struct Anchor {
        var value: JSONValue
        var nodeCount: Int
        var depth: Int
    }

    let source: YAMLSource
    let bytes: [UInt8]
    let limits: YAMLLimits
    var index = 0
    var depth = 0
    /// The deepest nesting reached, used to know how deep an anchored node is.
    var deepest = 0
    var anchors: [String: Anchor] = [:]
    /// Nodes produced so far, including those copied in by aliases.
    var nodeCount = 0
    var aliasExpandedNodes = 0
    var locations: [JSONPointer: SourceLocation] = [:]
    /// The most recently recorded location, from which the next one on the same line is counted.
    var lastLocation: (offset: Int, location: SourceLocation)?

    init(source: YAMLSource, limits: YAMLLimits) {
        self.source = source
        self.bytes = source.bytes
        self.limits = limits
    }

    /// Reads the single document: optional `---`, one node, optional `...`, nothing after.
    mutating func parseDocument() throws(YAMLError) -> YAMLDocument {
        var value: JSONValue = .null
        record(.root, at: 0)
        if let indent = try nextContentLine() {
            if indent == 0, bytes[index] == ASCII.percent {
                throw error(.unsupported, "directives such as %YAML are not supported; remove the line (YAML 1.2 is assumed)")
            }
            value = try parseNodeOnFollowingLines(parentIndent: -1, context: .document, pointer: .root, emptyAt: index)
        } else if isDocumentMarker(.start, at: index) {
            index += 3
            value = try parseNode(parentIndent: -1, context: .document, pointer: .root)
        }
        try finishDocument()
        return YAMLDocument(value: value, locations: locations)
    }

    private mutating func finishDocument() throws(YAMLError) {
        if let indent = try nextContentLine() {
            throw error(.syntax, "unexpected content after the top-level node; check this line's indentation", at: index + indent)
        }
        guard index < bytes.count else { return }
        if isDocumentMarker(.end, at: index) {
            index += 3
            try finishLine()
            let indent = try nextContentLine()
            if indent == nil, index == bytes.count { return }
            index += indent ?? 0
        }
        throw error(.unsupported, "several documents in one file are not supported; put each document in its own file")
    }

    // MARK: Block nodes

    /// Reads a node that starts after an indicator (`key:`, `-`, `---`) on the current line or,
    /// when the line ends there, on the following more-indented lines.
    mutating func parseNode(
        parentIndent: Int, context: BlockContext, pointer: JSONPointer, startsLine: Bool = false, allowsAnchor: Bool = true
    ) throws(YAMLError) -> JSONValue {
        skipSpaces()
        let start = index
        let anchor = try parseAnchor(allowed: allowsAnchor)
        if isAtLineEnd() {
            try finishLine()
            return try parseAnchored(anchor) { (parser: inout YAMLParser) throws(YAMLError) -> JSONValue in
                try parser.parseNodeOnFollowingLines(
                    parentIndent: parentIndent, context: context, pointer: pointer, emptyAt: start, allowsAnchor: anchor == nil)
            }
        }
        if anchor != nil, lineHasImplicitKey() {
            throw error(.unsupported, "an anchor before a key applies to the key, which is not supported; put the anchor on its own line above the mapping", at: start)
        }
        return try parseAnchored(anchor) { (parser: inout YAMLParser) throws(YAMLError) -> JSONValue in
            try parser.parseInlineNode(parentIndent: parentIndent, allowsCollection: startsLine || context == .sequenceItem, pointer: pointer)
        }
    }

    /// Reads a node whose content begins on a later line; an empty value when no line is indented enough.
    mutating func parseNodeOnFollowingLines(
        parentIndent: Int, context: BlockContext, pointer: JSONPointer, emptyAt: Int, allowsAnchor: Bool = true
    ) throws(YAMLError) -> JSONValue {
        if let indent = try nextContentLine(),
            indent > parentIndent || (context == .mappingValue && indent == parentIndent && isSequenceEntry(at: index + indent))
        {
            index += indent
            return try parseNode(parentIndent: parentIndent, context: context, pointer: pointer, startsLine: true, allowsAnchor: allowsAnchor)
        }
        record(pointer, at: emptyAt)
        return .null
    }

    /// Reads the node starting at `index`, which is not the end of a line.
    private mutating func parseInlineNode(parentIndent: Int, allowsCollection: Bool, pointer: JSONPointer) throws(YAMLError) -> JSONValue {
        let start = index
        record(pointer, at: start)
        nodeCount += 1
        switch bytes[index] {
        case ASCII.dash where isBlank(at: index + 1):
            guard allowsCollection else {
                throw error(.syntax, "a sequence cannot start on the same line as its key; start it on the next line")
            }
            return try parseBlockSequence(indent: start - source.lineStart(of: start), pointer: pointer)
        case ASCII.question where isBlank(at: index + 1):
            throw error(.unsupported, "complex mapping keys ('? ') are not supported; use a plain or quoted scalar key")
        case ASCII.pipe, ASCII.greaterThan:
            return .string(try parseBlockScalar(parentIndent: parentIndent))
        case ASCII.asterisk:
            let value = try parseAlias()
            try finishBlockValue(describing: "an alias")
            return value
        case ASCII.openBracket, ASCII.openBrace:
            let value = try parseFlowCollection(pointer: pointer)
            try finishBlockValue(describing: "a [ ] or { } collection")
            return value
        case ASCII.ampersand:
            throw error(.syntax, "a node may have only one anchor; remove one of them")
        case ASCII.exclamation:
            throw tagError()
        case ASCII.at, ASCII.backtick, ASCII.percent, ASCII.comma, ASCII.closeBracket, ASCII.closeBrace:
            throw error(.syntax, "a plain value cannot start with \(describe(bytes[index])); put the value in quotes")
        default:
            if lineHasImplicitKey() {
                guard allowsCollection else {
                    throw error(.syntax, "a mapping cannot start on the same line as its key; put it on the next line, or quote the value if ': ' is part of it")
                }
                return try parseBlockMapping(indent: start - source.lineStart(of: start), pointer: pointer)
            }
            if bytes[index] == ASCII.doubleQuote || bytes[index] == ASCII.singleQuote {
                let text = try parseQuotedScalar()
                try finishBlockValue(describing: "a quoted value")
                return .string(text)
            }
            let text = try parsePlainScalar(parentIndent: parentIndent)
            try finishLine()
            return ScalarResolver.resolve(text)
        }
    }

    /// After a value that cannot be a key here: only a comment may follow on the line.
    private mutating func finishBlockValue(describing what: String) throws(YAMLError) {
        skipSpaces()
        if index < bytes.count, bytes[index] == ASCII.colon {
            throw error(.unsupported, "\(what) as a mapping key is not supported; use a plain or quoted scalar key")
        }
        try finishLine()
    }

    private mutating func parseBlockMapping(indent: Int, pointer: JSONPointer) throws(YAMLError) -> JSONValue {
        try enterCollection()
        var object = JSONObject()
        while true {
            let keyStart = index
            let key = try parseBlockKey()
            if object[key] != nil {
                throw error(.duplicateKey, "duplicate key \"\(key)\" in this mapping; each key may appear only once", at: keyStart)
            }
            object[key] = try parseNode(parentIndent: indent, context: .mappingValue, pointer: pointer / key)
            guard let next = try nextContentLine(), next >= indent else { break }
            if next > indent {
                throw error(.syntax, "this line is indented more than the keys of its mapping (column \(indent + 1)); align it with them", at: index + next)
            }
            index += next
        }
        depth -= 1
        return .object(object)
    }

    /// Reads `key:` and returns the key's text; the index is left after the ':'.
    private mutating func parseBlockKey() throws(YAMLError) -> String {
        let start = index
        let key: String
        switch bytes[index] {
        case ASCII.question where isBlank(at: index + 1):
            throw error(.unsupported, "complex mapping keys ('? ') are not supported; use a plain or quoted scalar key")
        case ASCII.dash where isBlank(at: index + 1):
            throw error(.syntax, "expected a key but found a sequence entry '- '; indent the sequence under a key")
        case ASCII.openBracket, ASCII.openBrace:
            throw error(.unsupported, "a [ ] or { } collection as a mapping key is not supported; use a plain or quoted scalar key")
        case ASCII.ampersand:
            throw error(.unsupported, "an anchor on a mapping key is not supported; put the anchor on the value")
        case ASCII.asterisk:
            throw error(.unsupported, "an alias as a mapping key is not supported; write the key out")
        case ASCII.exclamation:
            throw tagError()
        case ASCII.doubleQuote, ASCII.singleQuote:
            key = try parseQuotedScalar()
            if bytes[start..<index].contains(ASCII.lineFeed) {
                throw error(.syntax, "a quoted key must be on one line", at: start)
            }
        default:
            let text = String(decoding: bytes[scanPlainLine(flow: false)], as: UTF8.self)
            if text.isEmpty { throw error(.syntax, "expected a mapping key before ':'", at: start) }
            if text == "<<" {
                throw error(.unsupported, "merge keys (<<) are not supported; write the merged keys out in this mapping", at: start)
            }
            key = ScalarResolver.keyText(for: ScalarResolver.resolve(text)) ?? text
        }
        skipSpaces()
        guard index < bytes.count, bytes[index] == ASCII.colon, isBlank(at: index + 1) else {
            throw error(.syntax, "expected ':' after the key \"\(key)\"; each line of a mapping is 'key: value'")
        }
        index += 1
        return key
    }

    private mutating func parseBlockSequence(indent: Int, pointer: JSONPointer) throws(YAMLError) -> JSONValue {
        try enterCollection()
        var elements: [JSONValue] = []
        while true {
            index += 1
            elements.append(try parseNode(parentIndent: indent, context: .sequenceItem, pointer: pointer / elements.count))
            guard let next = try nextContentLine(), next >= indent else { break }
            if next > indent {
                throw error(.syntax, "this line is indented more than the '- ' entries of its sequence (column \(indent + 1)); align it with them", at: index + next)
            }
            guard isSequenceEntry(at: index + next) else { break }
            index += next
        }
        depth -= 1
        return .array(elements)
    }
}
