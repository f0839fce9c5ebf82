import JSON

/// Flow collections: `[a, b]` and `{k: v}`, nested and spread over lines (YAML 1.2 §7.4).
extension YAMLParser {
    /// Reads a flow sequence or mapping starting at its opening bracket.
    mutating func parseFlowCollection(pointer: JSONPointer) throws(YAMLError) -> JSONValue {
        let start = index
        let isMapping = bytes[index] == ASCII.openBrace
        let closing = isMapping ? ASCII.closeBrace : ASCII.closeBracket
        try enterCollection()
        index += 1
        var elements: [JSONValue] = []
        var object = JSONObject()
        while true {
            try skipFlowSpace(openedAt: start)
            if bytes[index] == closing {
                index += 1
                break
            }
            if isMapping {
                let keyStart = index
                let key = try parseFlowKey()
                if object[key] != nil {
                    throw error(.duplicateKey, "duplicate key \"\(key)\" in this mapping; each key may appear only once", at: keyStart)
                }
                object[key] = try parseFlowValue(afterKeyAt: pointer / key, openedAt: start)
            } else {
                elements.append(try parseFlowSequenceEntry(pointer: pointer / elements.count, openedAt: start))
            }
            try skipFlowSpace(openedAt: start)
            if bytes[index] == ASCII.comma {
                index += 1
            } else if bytes[index] == closing {
                index += 1
                break
            } else {
                throw error(.syntax, "expected ',' or '\(Character(Unicode.Scalar(closing)))' after an entry of the collection opened at \(source.location(at: start))")
            }
        }
        depth -= 1
        return isMapping ? .object(object) : .array(elements)
    }

    /// An entry of a flow sequence; `[k: v]` is a mapping with one pair, as YAML 1.2 §7.4.1 says.
    private mutating func parseFlowSequenceEntry(pointer: JSONPointer, openedAt start: Int) throws(YAMLError) -> JSONValue {
        let entryStart = index
        let value = try parseFlowNode(pointer: pointer, openedAt: start)
        try skipFlowSpace(openedAt: start)
        let followsNode = [ASCII.doubleQuote, ASCII.singleQuote, ASCII.closeBracket, ASCII.closeBrace].contains(bytes[index - 1])
        guard bytes[index] == ASCII.colon, isValueIndicator(at: index, flow: true) || followsNode else { return value }
        guard let key = ScalarResolver.keyText(for: value) else {
            throw error(.unsupported, "a [ ] or { } collection as a mapping key is not supported; use a plain or quoted scalar key", at: entryStart)
        }
        try enterCollection()
        var pair = JSONObject()
        pair[key] = try parseFlowValue(afterKeyAt: pointer / key, openedAt: start)
        depth -= 1
        record(pointer, at: entryStart)
        return .object(pair)
    }

    /// Reads the key of a flow mapping entry and returns its text.
    private mutating func parseFlowKey() throws(YAMLError) -> String {
        switch bytes[index] {
        case ASCII.question where isBlank(at: index + 1):
            throw error(.unsupported, "complex mapping keys ('? ') are not supported; use a plain or quoted scalar key")
        case ASCII.openBracket, ASCII.openBrace:
            throw error(.unsupported, "a [ ] or { } collection as a mapping key is not supported; use a plain or quoted scalar key")
        case ASCII.ampersand:
            throw error(.unsupported, "an anchor on a mapping key is not supported; put the anchor on the value")
        case ASCII.asterisk:
            throw error(.unsupported, "an alias as a mapping key is not supported; write the key out")
        case ASCII.exclamation:
            throw tagError()
        case ASCII.doubleQuote, ASCII.singleQuote:
            return try parseQuotedScalar()
        default:
            let start = index
            try refuseFlowIndicator()
            let text = try parsePlainScalar(parentIndent: nil)
            if text.isEmpty { throw error(.syntax, "expected a mapping key", at: start) }
            if text == "<<" {
                throw error(.unsupported, "merge keys (<<) are not supported; write the merged keys out in this mapping", at: start)
            }
            return ScalarResolver.keyText(for: ScalarResolver.resolve(text)) ?? text
        }
    }

    /// Reads `: value` after a flow mapping key; a key without ':' or without a value maps to null.
    private mutating func parseFlowValue(afterKeyAt pointer: JSONPointer, openedAt start: Int) throws(YAMLError) -> JSONValue {
        try skipFlowSpace(openedAt: start)
        if bytes[index] == ASCII.colon {
            index += 1
            try skipFlowSpace(openedAt: start)
        } else if bytes[index] != ASCII.comma, bytes[index] != ASCII.closeBrace {
            throw error(.syntax, "expected ':', ',' or '}' after a key in the mapping opened at \(source.location(at: start))")
        }
        if ASCII.isFlowIndicator(bytes[index]), bytes[index] != ASCII.openBracket, bytes[index] != ASCII.openBrace {
            record(pointer, at: index)
            return .null
        }
        return try parseFlowNode(pointer: pointer, openedAt: start)
    }

    /// Reads one node inside a flow collection.
    private mutating func parseFlowNode(pointer: JSONPointer, openedAt start: Int) throws(YAMLError) -> JSONValue {
        record(pointer, at: index)
        let anchor = try parseAnchor(allowed: true)
        if anchor != nil { try skipFlowSpace(openedAt: start) }
        return try parseAnchored(anchor) { (parser: inout YAMLParser) throws(YAMLError) -> JSONValue in
            let byte = parser.bytes[parser.index]
            if anchor != nil, ASCII.isFlowIndicator(byte), byte != ASCII.openBracket, byte != ASCII.openBrace { return .null }
            parser.nodeCount += 1
            switch byte {
            case ASCII.openBracket, ASCII.openBrace:
                return try parser.parseFlowCollection(pointer: pointer)
            case ASCII.asterisk:
                return try parser.parseAlias()
            case ASCII.doubleQuote, ASCII.singleQuote:
                return .string(try parser.parseQuotedScalar())
            default:
                try parser.refuseFlowIndicator()
                return ScalarResolver.resolve(try parser.parsePlainScalar(parentIndent: nil))
            }
        }
    }

    /// Refuses what cannot start a plain scalar inside a flow collection.
    private func refuseFlowIndicator() throws(YAMLError) {
        let byte = bytes[index]
        switch byte {
        case ASCII.question where isBlank(at: index + 1):
            throw error(.unsupported, "complex mapping keys ('? ') are not supported; use a plain or quoted scalar key")
        case ASCII.dash where isBlank(at: index + 1), ASCII.pipe, ASCII.greaterThan:
            throw error(.syntax, "\(describe(byte)) starts a block node, which cannot appear inside [ ] or { }; use flow syntax or quote the value")
        case ASCII.colon where isValueIndicator(at: index, flow: true):
            throw error(.syntax, "expected a value before ':'")
        case ASCII.comma, ASCII.closeBracket, ASCII.closeBrace:
            throw error(.syntax, "expected a value before \(describe(byte))")
        case ASCII.exclamation:
            throw tagError()
        case ASCII.ampersand:
            throw error(.syntax, "a node may have only one anchor; remove one of them")
        case ASCII.hash, ASCII.at, ASCII.backtick, ASCII.percent:
            throw error(.syntax, "a plain value cannot start with \(describe(byte)); put the value in quotes")
        default:
            return
        }
    }

    /// Skips spaces, line breaks and comments inside a flow collection; the input must not end here.
    private mutating func skipFlowSpace(openedAt start: Int) throws(YAMLError) {
        while index < bytes.count {
            let byte = bytes[index]
            if ASCII.isSpaceOrTab(byte) || byte == ASCII.lineFeed {
                index += 1
                if byte == ASCII.lineFeed, index < bytes.count, isDocumentMarker(.start, at: index) || isDocumentMarker(.end, at: index) { break }
            } else if byte == ASCII.hash, index == 0 || isBlank(at: index - 1) {
                index = endOfLine(from: index)
            } else {
                return
            }
        }
        throw error(.syntax, "the collection opened at \(source.location(at: start)) is never closed; add the closing bracket", at: start)
    }
}
