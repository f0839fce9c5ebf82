import JSON

/// Turns schema JSON into ``JSONSchemaNode``s the way everit-json-schema (Confluent's model) does:
/// `enum`/`const`, combinators, `not` and the typed part each become one part; several parts become
/// an implicit `allOf`; without `type`, the keywords present decide the types.
struct JSONSchemaLoader {
    static let maximumDepth = 128
    static let objectKeywords = [
        "properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "required",
        "minProperties", "maxProperties", "dependencies", "dependentRequired", "dependentSchemas", "propertyNames",
    ]
    static let arrayKeywords = ["items", "prefixItems", "additionalItems", "unevaluatedItems", "minItems", "maxItems", "uniqueItems", "contains"]
    static let numberKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]
    static let stringKeywords = ["minLength", "maxLength", "pattern", "format"]

    /// The first pointer token of nodes loaded from a referenced document: `/$referenced/<name>/…`.
    static let referencedToken = "$referenced"

    let document: JSONValue
    let draft: JSONSchemaDraft
    /// Referenced documents (Confluent schema references) by the name a `$ref` uses for them.
    let referenced: [String: JSONValue]
    private var pending: [JSONPointer] = []

    init(document: JSONValue, draft: JSONSchemaDraft, referenced: [String: JSONValue] = [:]) {
        self.document = document
        self.draft = draft
        self.referenced = referenced
    }

    /// The value a target pointer names, in this document or in a referenced one.
    func value(at target: JSONPointer) -> JSONValue? {
        let tokens = target.tokens
        guard tokens.count >= 2, tokens[0] == Self.referencedToken, let other = referenced[tokens[1]] else { return document.value(at: target) }
        return other.value(at: JSONPointer(tokens: Array(tokens.dropFirst(2))))
    }

    mutating func load(_ value: JSONValue, at pointer: JSONPointer, depth: Int) throws(JSONSchemaError) -> JSONSchemaNode {
        guard depth <= Self.maximumDepth else {
            throw JSONSchemaError(code: .tooDeep, pointer: pointer, message: "schemas are nested more than \(Self.maximumDepth) levels deep")
        }
        switch value {
        case .bool(let accepts):
            return JSONSchemaNode(pointer: pointer, json: value, kind: accepts ? .empty : .never)
        case .object(let object):
            var node = JSONSchemaNode(
                pointer: pointer, json: value, id: (object["$id"] ?? object["id"])?.stringValue, title: object["title"]?.stringValue,
                description: object["description"]?.stringValue, defaultValue: object["default"], kind: .empty)
            if let reference = object["$ref"] {
                node.kind = .reference(try target(of: reference, at: pointer / "$ref"))
                return node
            }
            let parts = try parts(of: object, at: pointer, depth: depth)
            switch parts.count {
            case 0: node.kind = .empty
            case 1: node.kind = parts[0].kind
            default: node.kind = .combined(.allOf, parts)
            }
            return node
        default:
            throw JSONSchemaError(code: .invalidSchema, pointer: pointer, message: "a schema is an object or a boolean, not \(value.typeName)")
        }
    }

    /// Loads every schema a `$ref` names, including those named only from other referenced schemas.
    mutating func loadReferences() throws(JSONSchemaError) -> [JSONPointer: JSONSchemaNode] {
        var loaded: [JSONPointer: JSONSchemaNode] = [:]
        while let target = pending.popLast() {
            guard loaded[target] == nil, let value = value(at: target) else { continue }
            loaded[target] = try load(value, at: target, depth: 0)
        }
        return loaded
    }

    /// A `$ref`'s target: `#…` inside the document the `$ref` is in, `name` or `name#…` inside
    /// the referenced document of that name.
    private mutating func target(of reference: JSONValue, at pointer: JSONPointer) throws(JSONSchemaError) -> JSONPointer {
        guard let text = reference.stringValue else {
            throw JSONSchemaError(code: .unresolvableReference, pointer: pointer, message: "$ref must be a string")
        }
        let address = String(text.prefix { $0 != "#" })
        var base: [String] = []
        if !address.isEmpty, referenced[address] != nil {
            base = [Self.referencedToken, address]
        } else if address.isEmpty, pointer.tokens.first == Self.referencedToken, pointer.tokens.count >= 2 {
            base = Array(pointer.tokens.prefix(2))
        }
        guard address.isEmpty || !base.isEmpty, let fragment = JSONPointer(String(text.dropFirst(address.count + (text.count > address.count ? 1 : 0))).removingPercentEncodingIfPossible)
        else {
            throw JSONSchemaError(
                code: .unresolvableReference, pointer: pointer,
                message: "\(text) is neither a local reference such as \"#/$defs/name\" nor the name of one of the schema's references; add a reference named \"\(address)\"")
        }
        let target = JSONPointer(tokens: base + fragment.tokens)
        guard value(at: target) != nil else {
            throw JSONSchemaError(code: .unresolvableReference, pointer: pointer, message: "\(text) names nothing in this document")
        }
        pending.append(target)
        return target
    }

    private mutating func parts(of object: JSONObject, at pointer: JSONPointer, depth: Int) throws(JSONSchemaError) -> [JSONSchemaNode] {
        var parts: [JSONSchemaNode] = []
        func part(_ tag: String, _ kind: JSONSchemaKind) {
            var tagged = object
            tagged["$part"] = .string(tag)
            parts.append(JSONSchemaNode(pointer: pointer, json: .object(tagged), kind: kind))
        }
        if let values = object["enum"]?.arrayValue {
            part("enum", .enumeration(values))
        } else if let value = object["const"] {
            part("const", .enumeration([value]))
        }
        var combinations: [JSONSchemaNode] = []
        for criterion in [JSONSchemaCriterion.allOf, .anyOf, .oneOf] {
            guard let value = object[criterion.rawValue] else { continue }
            guard let elements = value.arrayValue, !elements.isEmpty else {
                throw JSONSchemaError(code: .invalidSchema, pointer: pointer / criterion.rawValue, message: "\(criterion.rawValue) needs a non-empty array of schemas")
            }
            var subschemas: [JSONSchemaNode] = []
            for (index, element) in elements.enumerated() {
                subschemas.append(try load(element, at: pointer / criterion.rawValue / index, depth: depth + 1))
            }
            combinations.append(JSONSchemaNode(pointer: pointer, json: value, kind: .combined(criterion, subschemas)))
        }
        if combinations.count == 1 {
            part("combined", combinations[0].kind)
        } else if combinations.count > 1 {
            part("combined", .combined(.allOf, combinations))
        }
        if let negated = object["not"] {
            part("not", .not(try load(negated, at: pointer / "not", depth: depth + 1)))
        }
        let keywords = JSONSchemaKeywordReader(draft: draft, object: object, pointer: pointer, depth: depth)
        switch object["type"] {
        case .string(let name)?:
            part("type", try keywords.typed(name, at: pointer / "type", loader: &self))
        case .array(let names)?:
            var typed: [JSONSchemaNode] = []
            for (index, name) in names.enumerated() {
                guard let name = name.stringValue else {
                    throw JSONSchemaError(code: .invalidSchema, pointer: pointer / "type" / index, message: "a type name is a string")
                }
                var tagged = object
                tagged["$part"] = .string(name)
                typed.append(JSONSchemaNode(pointer: pointer, json: .object(tagged), kind: try keywords.typed(name, at: pointer / "type" / index, loader: &self)))
            }
            part("type", .combined(.anyOf, typed))
        case nil:
            if Self.objectKeywords.contains(where: { object[$0] != nil }) { part("object", try keywords.object(loader: &self)) }
            if Self.arrayKeywords.contains(where: { object[$0] != nil }) { part("array", try keywords.array(loader: &self)) }
            if Self.numberKeywords.contains(where: { object[$0] != nil }) { part("number", .number(keywords.number(integer: false))) }
            if Self.stringKeywords.contains(where: { object[$0] != nil }) { part("string", .string(keywords.string())) }
        case let other?:
            throw JSONSchemaError(code: .invalidSchema, pointer: pointer / "type", message: "'type' is a name or an array of names, not \(other.typeName)")
        }
        return parts
    }
}

extension String {
    /// The text with `%XX` escapes decoded, or unchanged when it has none or they are malformed.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return self }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
