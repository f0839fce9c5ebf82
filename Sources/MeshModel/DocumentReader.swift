import JSON

/// Reads a document against object shapes, collecting every issue so one pass reports all of them.
struct DocumentReader {
    private(set) var issues: [ValidationIssue] = []
    /// The `apiVersion` the document declares, when it is one the registry reads; fields a later
    /// version added are refused below it (``ObjectShape/introducedIn``).
    var declaredVersion: StandardVersion?

    /// Records an issue.
    mutating func report(_ code: String, at pointer: JSONPointer, _ message: String) {
        issues.append(ValidationIssue(pointer: pointer, code: code, message: message))
    }

    /// Checks `value` against `shape` (an object, required fields present, no unknown keys,
    /// fields of the right type) and returns the object, or nil when it is not one.
    mutating func object(_ value: JSONValue, shape: ObjectShape, at pointer: JSONPointer) -> JSONObject? {
        guard case .object(let object) = value else {
            report(ValidationIssue.Code.wrongType, at: pointer, "\(shape.subject) must be an object, found \(value.typeName)")
            return nil
        }
        for (key, member) in object {
            guard let type = shape.type(of: key) else {
                if shape.isClosed { reportUnknownKey(key, in: shape, at: pointer / key) }
                continue
            }
            if let introduced = shape.introducedIn[key], let declaredVersion, declaredVersion.isBefore(introduced) {
                report(
                    ValidationIssue.Code.newerVersionField, at: pointer / key,
                    "'\(key)' in \(shape.subject) came with \(declaredVersion.standard.rawValue) \(introduced), but the document declares "
                        + "apiVersion \(declaredVersion.apiVersion); set apiVersion: \(introduced) (`meshreg upgrade --to \(introduced)`) "
                        + "or remove '\(key)'")
                continue
            }
            check(member, type: type, field: key, in: shape, at: pointer / key)
        }
        for name in shape.required where object[name] == nil {
            report(
                ValidationIssue.Code.missingField, at: pointer / name,
                "\(shape.subject) needs '\(name)' (required: \(shape.required.joined(separator: ", ")))")
        }
        return object
    }

    /// The object member `object[key]` checked against `shape`; nil when absent or not an object
    /// (the parent's shape has already reported a wrong type).
    mutating func nestedObject(_ key: String, in object: JSONObject, shape: ObjectShape, at pointer: JSONPointer) -> JSONObject? {
        guard let member = object[key], case .object = member else { return nil }
        return self.object(member, shape: shape, at: pointer / key)
    }

    /// The elements of the array `object[key]` that are objects of `shape`, each with its pointer.
    ///
    /// The parent's shape has already checked that the member is an array.
    mutating func objects(
        _ key: String, in object: JSONObject, shape: ObjectShape, at pointer: JSONPointer
    ) -> [(object: JSONObject, pointer: JSONPointer)] {
        guard let elements = object[key]?.arrayValue else { return [] }
        return elements.enumerated().compactMap { index, element in
            let elementPointer = pointer / key / index
            return self.object(element, shape: shape, at: elementPointer).map { (object: $0, pointer: elementPointer) }
        }
    }

    /// The entries of the `customProperties` list (`[{property, value}]`) under `object`, in order.
    mutating func customProperties(in object: JSONObject, shape: ObjectShape, at pointer: JSONPointer) -> [CustomProperty] {
        objects("customProperties", in: object, shape: shape, at: pointer).compactMap { entry in
            guard let name = entry.object["property"]?.stringValue, let value = entry.object["value"] else { return nil }
            return CustomProperty(name: name, value: value, pointer: entry.pointer)
        }
    }

    /// The issues in document order.
    func issuesInDocumentOrder(of document: JSONValue) -> [ValidationIssue] {
        DocumentOrder.sorted(issues, in: document)
    }

    /// The collected issues plus those of `more` at pointers not already reported, in document order.
    func issues(with more: [ValidationIssue], in document: JSONValue) -> [ValidationIssue] {
        let reported = Set(issues.map(\.pointer))
        return DocumentOrder.sorted(issues + more.filter { !reported.contains($0.pointer) }, in: document)
    }

    /// Throws the collected issues, in document order, when there are any.
    func throwIfAny(in document: JSONValue) throws(DocumentValidationError) {
        if !issues.isEmpty { throw DocumentValidationError(issues: issuesInDocumentOrder(of: document)) }
    }

    private mutating func check(_ value: JSONValue, type: FieldType, field: String, in shape: ObjectShape, at pointer: JSONPointer) {
        guard type.accepts(value) else {
            let isScalar = switch value {
            case .integer, .double, .bool: true
            default: false
            }
            let quoting = type.accepts("") && isScalar ? "; in YAML, quote the value to make it a string" : ""
            report(
                ValidationIssue.Code.wrongType, at: pointer,
                "'\(field)' in \(shape.subject) must be \(type.expectation), found \(value.typeName)\(quoting)")
            return
        }
        switch (type, value) {
        case (.oneOf(let allowed), .string(let text)) where !allowed.contains(text):
            report(
                ValidationIssue.Code.invalidValue, at: pointer,
                "'\(field)' is '\(text)', which \(shape.subject) does not allow; use one of \(allowed.joined(separator: ", "))")
        case (.stableId, .string(let text)) where declaredVersion?.allowsWideStableIds == true:
            if !FieldType.isWideStableId(text) {
                report(
                    ValidationIssue.Code.invalidValue, at: pointer,
                    "'\(field)' is '\(text)'; ODCS ids may not be empty nor hold white space or any of . # / \\ @ ! % & ^")
            }
        case (.stableId, .string(let text)) where !FieldType.isStableId(text):
            report(
                ValidationIssue.Code.invalidValue, at: pointer,
                "'\(field)' is '\(text)'; ODCS ids before v3.2.0 match ^[A-Za-z0-9_-]+$ (letters, digits, '_' and '-')")
        default:
            break
        }
    }

    private mutating func reportUnknownKey(_ key: String, in shape: ObjectShape, at pointer: JSONPointer) {
        let suggestion = shape.fieldNames.first { EditDistance.between($0.lowercased(), key.lowercased()) <= 2 }
        let hint = suggestion.map { "did you mean '\($0)'?" }
            ?? "allowed fields are \(shape.fieldNames.joined(separator: ", "))"
        report(
            ValidationIssue.Code.unknownField, at: pointer,
            "unknown field '\(key)' in \(shape.subject): \(hint)\(shape.unknownKeyAdvice)")
    }
}
