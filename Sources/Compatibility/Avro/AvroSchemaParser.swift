import JSON

/// Builds ``AvroSchema`` nodes from a schema document, validating names, unions, logical types and
/// defaults as it goes (Avro spec "Schema Declaration").
struct AvroSchemaParser {
    /// Deeper nesting is refused, so hostile documents cannot exhaust the stack.
    static let maximumDepth = 128

    private(set) var nodes: [AvroNode] = []
    /// Named types defined so far, by full name.
    private var names: [String: Int] = [:]
    /// Field and enum defaults, checked once every type is complete.
    private var pendingDefaults: [(value: JSONValue, type: Int, pointer: JSONPointer)] = []

    mutating func parse(_ value: JSONValue, at pointer: JSONPointer, namespace: String?, depth: Int) throws(AvroSchemaError) -> Int {
        guard depth <= Self.maximumDepth else {
            throw AvroSchemaError(code: .tooDeep, pointer: pointer, message: "types are nested more than \(Self.maximumDepth) levels deep")
        }
        switch value {
        case .string(let name):
            return try reference(name, at: pointer, namespace: namespace)
        case .array(let branches):
            return try union(branches, at: pointer, namespace: namespace, depth: depth)
        case .object(let object):
            return try complex(object, at: pointer, namespace: namespace, depth: depth)
        default:
            throw AvroSchemaError(
                code: .invalidSchema, pointer: pointer,
                message: "a schema is a type name, an object or a union array, not \(value.typeName)")
        }
    }

    /// Checks every default against its type (Avro spec "Records": a union default matches the first branch).
    func validateDefaults() throws(AvroSchemaError) {
        for pending in pendingDefaults where !AvroDefaultValidator(nodes: nodes).isValid(pending.value, for: pending.type) {
            throw AvroSchemaError(
                code: .invalidDefault, pointer: pending.pointer,
                message: "the default \(pending.value.encoded()) is not a valid \(describe(pending.type)); "
                    + "for a union it must match the first branch")
        }
    }

    private func describe(_ index: Int) -> String {
        if case .union(let branches) = nodes[index].kind, let first = branches.first {
            return "value of the union's first branch (\(nodes[first].kind.summary))"
        }
        return "\(nodes[index].kind.summary) value"
    }

    private mutating func append(_ kind: AvroKind, at pointer: JSONPointer, logicalType: AvroLogicalType? = nil) -> Int {
        nodes.append(AvroNode(kind: kind, logicalType: logicalType, pointer: pointer))
        return nodes.count - 1
    }

    private mutating func reference(_ name: String, at pointer: JSONPointer, namespace: String?) throws(AvroSchemaError) -> Int {
        if let primitive = AvroKind.primitive(named: name) { return append(primitive, at: pointer) }
        let candidates = name.contains(".") || namespace == nil ? [name] : ["\(namespace!).\(name)", name]
        for candidate in candidates {
            if let index = names[candidate] { return index }
        }
        throw AvroSchemaError(
            code: .unknownType, pointer: pointer,
            message: "'\(name)' is neither a primitive type nor a named type defined earlier in the schema; "
                + "define it before its first use or use its full name")
    }

    private mutating func union(_ branches: [JSONValue], at pointer: JSONPointer, namespace: String?, depth: Int) throws(AvroSchemaError) -> Int {
        var indices: [Int] = []
        var seen: Set<String> = []
        for (position, branch) in branches.enumerated() {
            let index = try parse(branch, at: pointer / position, namespace: namespace, depth: depth + 1)
            let kind = nodes[index].kind
            if case .union = kind {
                throw AvroSchemaError(code: .invalidUnion, pointer: pointer / position, message: "a union may not directly contain another union")
            }
            let key = kind.named?.name.fullName ?? kind.typeName
            guard seen.insert(key).inserted else {
                throw AvroSchemaError(
                    code: .invalidUnion, pointer: pointer / position,
                    message: "the union already has a branch of type '\(key)'; each type may appear once")
            }
            indices.append(index)
        }
        return append(.union(branches: indices), at: pointer)
    }

    private mutating func complex(_ object: JSONObject, at pointer: JSONPointer, namespace: String?, depth: Int) throws(AvroSchemaError) -> Int {
        guard let type = object["type"]?.stringValue else {
            throw AvroSchemaError(
                code: .invalidSchema, pointer: pointer / "type",
                message: "a schema object needs a string 'type', e.g. \"record\", \"enum\", \"array\", \"map\", \"fixed\" or a primitive")
        }
        switch type {
        case "record", "error":
            return try record(object, at: pointer, namespace: namespace, depth: depth)
        case "enum":
            return try enumeration(object, at: pointer, namespace: namespace)
        case "fixed":
            let named = try declare(object, at: pointer, namespace: namespace)
            guard let size = object["size"]?.integerValue, size >= 0, size <= Int32.max else {
                throw AvroSchemaError(code: .invalidSchema, pointer: pointer / "size", message: "a fixed needs a non-negative integer 'size'")
            }
            let fixed = AvroFixed(named: named, size: Int(size))
            let logical = try AvroLogicalTypeReader.read(object, underlying: .fixed(fixed), at: pointer)
            return define(.fixed(fixed), named: named, at: pointer, logicalType: logical)
        case "array":
            guard let items = object["items"] else {
                throw AvroSchemaError(code: .invalidSchema, pointer: pointer / "items", message: "an array needs 'items'")
            }
            let index = try parse(items, at: pointer / "items", namespace: namespace, depth: depth + 1)
            return append(.array(items: index), at: pointer)
        case "map":
            guard let values = object["values"] else {
                throw AvroSchemaError(code: .invalidSchema, pointer: pointer / "values", message: "a map needs 'values'")
            }
            let index = try parse(values, at: pointer / "values", namespace: namespace, depth: depth + 1)
            return append(.map(values: index), at: pointer)
        default:
            if let primitive = AvroKind.primitive(named: type) {
                let logical = try AvroLogicalTypeReader.read(object, underlying: primitive, at: pointer)
                return append(primitive, at: pointer, logicalType: logical)
            }
            return try reference(type, at: pointer / "type", namespace: namespace)
        }
    }

    private mutating func record(_ object: JSONObject, at pointer: JSONPointer, namespace: String?, depth: Int) throws(AvroSchemaError) -> Int {
        let named = try declare(object, at: pointer, namespace: namespace)
        let placeholder = define(.record(AvroRecord(named: named, fields: [])), named: named, at: pointer, logicalType: nil)
        guard case .array(let fieldValues)? = object["fields"] else {
            throw AvroSchemaError(code: .invalidSchema, pointer: pointer / "fields", message: "a record needs a 'fields' array")
        }
        let fieldsPointer = pointer / "fields"
        var fields: [AvroField] = []
        fields.reserveCapacity(fieldValues.count)
        var fieldNames: Set<String> = []
        fieldNames.reserveCapacity(fieldValues.count)
        for (position, fieldValue) in fieldValues.enumerated() {
            let fieldPointer = fieldsPointer / position
            guard case .object(let fieldObject) = fieldValue else {
                throw AvroSchemaError(code: .invalidSchema, pointer: fieldPointer, message: "a field is an object with 'name' and 'type'")
            }
            guard let name = fieldObject["name"]?.stringValue, AvroName.isValidSimpleName(name) else {
                throw AvroSchemaError(
                    code: .invalidName, pointer: fieldPointer / "name",
                    message: "a field needs a 'name' matching [A-Za-z_][A-Za-z0-9_]*")
            }
            guard fieldNames.insert(name).inserted else {
                throw AvroSchemaError(code: .duplicateName, pointer: fieldPointer / "name", message: "the record already has a field named '\(name)'")
            }
            guard let typeValue = fieldObject["type"] else {
                throw AvroSchemaError(code: .invalidSchema, pointer: fieldPointer / "type", message: "field '\(name)' needs a 'type'")
            }
            let type = try parse(typeValue, at: fieldPointer / "type", namespace: named.name.namespace, depth: depth + 1)
            let defaultValue = fieldObject["default"]
            if let defaultValue { pendingDefaults.append((defaultValue, type, fieldPointer / "default")) }
            let aliases = try strings(fieldObject, "aliases", at: fieldPointer)
            fields.append(AvroField(
                name: name, type: type, defaultValue: defaultValue, aliases: aliases, doc: fieldObject["doc"]?.stringValue))
        }
        nodes[placeholder].kind = .record(AvroRecord(named: named, fields: fields))
        return placeholder
    }

    private mutating func enumeration(_ object: JSONObject, at pointer: JSONPointer, namespace: String?) throws(AvroSchemaError) -> Int {
        let named = try declare(object, at: pointer, namespace: namespace)
        guard object["symbols"]?.arrayValue != nil else {
            throw AvroSchemaError(code: .invalidSchema, pointer: pointer / "symbols", message: "an enum needs a 'symbols' array")
        }
        let symbols = try strings(object, "symbols", at: pointer)
        var seen: Set<String> = []
        for (position, symbol) in symbols.enumerated() {
            guard AvroName.isValidSimpleName(symbol) else {
                throw AvroSchemaError(code: .invalidName, pointer: pointer / "symbols" / position, message: "'\(symbol)' is not a valid enum symbol")
            }
            guard seen.insert(symbol).inserted else {
                throw AvroSchemaError(code: .duplicateName, pointer: pointer / "symbols" / position, message: "the symbol '\(symbol)' appears twice")
            }
        }
        var defaultSymbol: String?
        if let value = object["default"] {
            guard let symbol = value.stringValue, seen.contains(symbol) else {
                throw AvroSchemaError(
                    code: .invalidDefault, pointer: pointer / "default",
                    message: "the enum default \(value.encoded()) must be one of its symbols \(symbols)")
            }
            defaultSymbol = symbol
        }
        let enumeration = AvroEnum(named: named, symbols: symbols, defaultSymbol: defaultSymbol)
        return define(.enumeration(enumeration), named: named, at: pointer, logicalType: nil)
    }

    /// Reads and checks the name, namespace, aliases and doc of a named type.
    private func declare(_ object: JSONObject, at pointer: JSONPointer, namespace: String?) throws(AvroSchemaError) -> AvroNamedType {
        guard let text = object["name"]?.stringValue else {
            throw AvroSchemaError(code: .invalidName, pointer: pointer / "name", message: "a named type needs a string 'name'")
        }
        var enclosing = namespace
        if let explicit = object["namespace"] {
            guard let value = explicit.stringValue, AvroName.isValidNamespace(value) else {
                throw AvroSchemaError(code: .invalidName, pointer: pointer / "namespace", message: "the namespace must be dotted names")
            }
            enclosing = value.isEmpty ? nil : value
        }
        let name = AvroName(resolving: text, enclosing: enclosing)
        guard AvroName.isValidSimpleName(name.name), AvroName.isValidNamespace(name.namespace ?? "") else {
            throw AvroSchemaError(code: .invalidName, pointer: pointer / "name", message: "'\(text)' is not a valid Avro name")
        }
        guard AvroKind.primitive(named: name.fullName) == nil else {
            throw AvroSchemaError(code: .invalidName, pointer: pointer / "name", message: "'\(text)' is a primitive type name and cannot be redefined")
        }
        guard names[name.fullName] == nil else {
            throw AvroSchemaError(code: .duplicateName, pointer: pointer / "name", message: "'\(name.fullName)' is already defined; refer to it by name instead")
        }
        let aliases = try strings(object, "aliases", at: pointer).map { AvroName(resolving: $0, enclosing: name.namespace) }
        return AvroNamedType(name: name, aliases: aliases, doc: object["doc"]?.stringValue)
    }

    private mutating func define(_ kind: AvroKind, named: AvroNamedType, at pointer: JSONPointer, logicalType: AvroLogicalType?) -> Int {
        let index = append(kind, at: pointer, logicalType: logicalType)
        names[named.name.fullName] = index
        return index
    }

    /// The strings in the array `object[key]`, empty when it is missing; `pointer` locates `object`,
    /// and the member's pointer is made only for an error.
    private func strings(_ object: JSONObject, _ key: String, at pointer: JSONPointer) throws(AvroSchemaError) -> [String] {
        guard let value = object[key] else { return [] }
        guard let elements = value.arrayValue else {
            throw AvroSchemaError(code: .invalidSchema, pointer: pointer / key, message: "expected an array of strings")
        }
        var result: [String] = []
        for (position, element) in elements.enumerated() {
            guard let text = element.stringValue else {
                throw AvroSchemaError(code: .invalidSchema, pointer: pointer / key / position, message: "expected a string, found \(element.typeName)")
            }
            result.append(text)
        }
        return result
    }
}
