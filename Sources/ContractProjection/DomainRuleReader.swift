import CEL
import JSON
import MeshModel

/// Turns what a contract says about single values into CEL CONDITION rules over `message`
/// (docs/contract-projection.md, "Rules"): `logicalTypeOptions` bounds, `enum` values, and the
/// `quality` checks of a property that one record can answer (`nullValues`, `invalidValues`,
/// `missingValues` with `mustBe: 0`). Every rule is compiled with our CEL before it is kept;
/// the rest is reported as skipped with the reason.
struct DomainRuleReader {
    private(set) var rules: [DomainRule] = []
    private(set) var skipped: [SkippedRule] = []

    /// Reads the rules of the schema object's properties, `record` naming the rules.
    mutating func read(_ object: SchemaObject, record: ProjectedRecord) {
        for (index, _) in (object.json["quality"]?.arrayValue ?? []).enumerated() {
            skipped.append(SkippedRule(pointer: object.pointer / "quality" / index,
                                       reason: "a quality check of the whole object (a dataset metric) cannot be decided on one record"))
        }
        read(object.properties, fields: record.fields, path: record.name, insideArray: false)
    }

    private mutating func read(_ properties: [SchemaProperty], fields: [ProjectedField], path: String, insideArray: Bool) {
        for (property, field) in zip(properties, fields) {
            let fieldPath = "\(path).\(field.name)"
            let constraints = Self.constraints(of: property, field: field)
            for constraint in constraints {
                if insideArray {
                    skipped.append(SkippedRule(pointer: constraint.pointer, reason: "the value is inside an array; only fields outside arrays get domain rules"))
                } else if let condition = constraint.condition {
                    add(name: "\(fieldPath).\(constraint.name)", field: field, refusesNull: constraint.refusesNull, accessor: "message." + fieldPath.split(separator: ".").dropFirst().joined(separator: "."),
                        condition: condition, pointer: constraint.pointer)
                } else {
                    skipped.append(SkippedRule(pointer: constraint.pointer, reason: constraint.reason))
                }
            }
            switch field.type {
            case .record(let nested):
                read(property.properties, fields: nested.fields, path: fieldPath, insideArray: insideArray || !field.required)
            case .array(.record(let nested)):
                if let items = property.items { read(items.properties, fields: nested.fields, path: fieldPath, insideArray: true) }
            default: break
            }
        }
    }

    /// Compiles the rule; on an optional field a rule holds for an absent or null value too,
    /// unless refusing null is its point.
    private mutating func add(name: String, field: ProjectedField, refusesNull: Bool, accessor: String, condition: (String) -> String, pointer: JSONPointer) {
        let check = condition(accessor)
        let expression: String
        if field.required {
            expression = check
        } else if refusesNull {
            expression = "has(\(accessor)) && \(check)"
        } else {
            expression = "!has(\(accessor)) || \(accessor) == null || (\(check))"
        }
        do {
            _ = try CELProgram.compile(expression, declarations: CELDeclarations(variables: ["message": .dyn]))
            rules.append(DomainRule(name: name, doc: "From the contract at \(pointer.description).", expression: expression))
        } catch {
            skipped.append(SkippedRule(pointer: pointer, reason: "the CEL expression \(expression) does not compile: \(error.line):\(error.column): \(error.message)"))
        }
    }

    /// A constraint: a named condition on the field's accessor, or the reason there is none.
    private struct Constraint {
        var name: String
        var pointer: JSONPointer
        var condition: ((String) -> String)?
        var reason: String
        /// The condition refuses null itself (`nullValues`, `missingValues`).
        var refusesNull = false
    }

    private static func constraints(of property: SchemaProperty, field: ProjectedField) -> [Constraint] {
        var constraints: [Constraint] = []
        let options = property.logicalTypeOptions ?? [:]
        let optionsPointer = property.pointer / "logicalTypeOptions"
        for (key, value) in options {
            let pointer = optionsPointer / key
            switch key {
            case "minLength", "maxLength", "minItems", "maxItems":
                guard let bound = value.integerValue else { continue }
                let operation = key.hasPrefix("min") ? ">=" : "<="
                constraints.append(Constraint(name: key, pointer: pointer, condition: { "size(\($0)) \(operation) \(bound)" }, reason: ""))
            case "pattern":
                guard let pattern = value.stringValue else { continue }
                constraints.append(Constraint(name: key, pointer: pointer, condition: { "\($0).matches(\(celString(pattern)))" }, reason: ""))
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                let operation = ["minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"][key] ?? ">="
                if let literal = numberLiteral(value, for: field.type) {
                    constraints.append(Constraint(name: key, pointer: pointer, condition: { "\($0) \(operation) \(literal)" }, reason: ""))
                } else {
                    constraints.append(Constraint(name: key, pointer: pointer, condition: nil,
                                                  reason: "\(key) on a \(typeDescription(field.type)) value: CEL sees its encoded form (bytes, days or milliseconds), so the bound is not projected"))
                }
            case "multipleOf":
                constraints.append(Constraint(name: key, pointer: pointer, condition: nil, reason: "multipleOf needs exact decimal arithmetic, which CEL does not have"))
            case "format":
                constraints.append(Constraint(name: key, pointer: pointer, condition: nil, reason: "CEL has no check for format \(value.stringValue ?? value.encoded()); add a pattern to have it checked"))
            case "uniqueItems":
                constraints.append(Constraint(name: key, pointer: pointer, condition: nil, reason: "uniqueItems is not projected: standard CEL has no distinct-elements function"))
            default:
                continue
            }
        }
        if let values = property.enumValues, !isNativeEnumeration(field.type) {
            let list = "[" + values.map(celLiteral).joined(separator: ", ") + "]"
            constraints.append(Constraint(name: "enum", pointer: property.pointer / "enum", condition: { "\($0) in \(list)" }, reason: ""))
        }
        for (index, quality) in (property.json["quality"]?.arrayValue ?? []).enumerated() {
            constraints.append(qualityConstraint(quality, at: property.pointer / "quality" / index))
        }
        return constraints
    }

    /// A property's quality check, when one record can answer it.
    private static func qualityConstraint(_ quality: JSONValue, at pointer: JSONPointer) -> Constraint {
        let metric = quality["metric"]?.stringValue ?? quality["rule"]?.stringValue
        guard let metric else {
            let type = quality["type"]?.stringValue ?? "text"
            return Constraint(name: type, pointer: pointer, condition: nil, reason: "a quality check of type \(type) runs against the data store, not on one record")
        }
        let mustBeZero = quality["mustBe"] == .integer(0) && quality["unit"]?.stringValue != "percent"
        guard mustBeZero else {
            return Constraint(name: metric, pointer: pointer, condition: nil, reason: "\(metric) with a threshold other than mustBe: 0 counts over many records")
        }
        let arguments = quality["arguments"]
        switch metric {
        case "nullValues":
            return Constraint(name: metric, pointer: pointer, condition: { "\($0) != null" }, reason: "", refusesNull: true)
        case "invalidValues":
            if let valid = arguments?["validValues"]?.arrayValue {
                let list = "[" + valid.map(celLiteral).joined(separator: ", ") + "]"
                return Constraint(name: metric, pointer: pointer, condition: { "\($0) in \(list)" }, reason: "")
            }
            if let pattern = arguments?["pattern"]?.stringValue {
                return Constraint(name: metric, pointer: pointer, condition: { "\($0).matches(\(celString(pattern)))" }, reason: "")
            }
            return Constraint(name: metric, pointer: pointer, condition: nil, reason: "invalidValues names neither validValues nor a pattern")
        case "missingValues":
            let missing = (arguments?["missingValues"]?.arrayValue ?? [.null]).filter { $0 != .null }
            let list = "[" + missing.map(celLiteral).joined(separator: ", ") + "]"
            return Constraint(name: metric, pointer: pointer, condition: { missing.isEmpty ? "\($0) != null" : "\($0) != null && !(\($0) in \(list))" }, reason: "",
                              refusesNull: true)
        default:
            return Constraint(name: metric, pointer: pointer, condition: nil, reason: "\(metric) counts over many records; one record cannot answer it")
        }
    }

    private static func isNativeEnumeration(_ type: ProjectedType) -> Bool {
        if case .enumeration = type { return true }
        return false
    }

    /// The bound as a CEL literal of the field's numeric type, nil for other types.
    private static func numberLiteral(_ value: JSONValue, for type: ProjectedType) -> String? {
        switch (type, value) {
        case (.int, .integer(let bound)), (.long, .integer(let bound)): return String(bound)
        case (.int, .double(let bound)), (.long, .double(let bound)), (.float, .double(let bound)), (.double, .double(let bound)):
            return bound.isFinite ? "\(bound)" : nil
        case (.float, .integer(let bound)), (.double, .integer(let bound)): return "\(bound).0"
        default: return nil
        }
    }

    private static func typeDescription(_ type: ProjectedType) -> String {
        switch type {
        case .decimal: "decimal"
        case .date: "date"
        case .timeMillis, .timeMicros: "time"
        case .timestampMillis, .timestampMicros, .localTimestampMillis, .localTimestampMicros: "timestamp"
        default: "non-numeric"
        }
    }

    private static func celLiteral(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): celString(text)
        case .integer(let number): String(number)
        case .double(let number): "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        default: "null"
        }
    }

    /// A double-quoted CEL string literal (CEL langdef "String and Bytes Literals").
    static func celString(_ text: String) -> String {
        var literal = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            default: literal.unicodeScalars.append(character)
            }
        }
        return literal + "\""
    }
}
