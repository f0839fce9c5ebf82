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
        readFields(object.properties, fields: record.fields, path: record.name, record: "message", scope: Scope())
    }

    /// Where values are reached from `message`: wrappers, innermost last, that make a rule hold
    /// where an optional parent is absent or null and apply it to every element of an array and
    /// every value of a map (a map's `all` ranges over its keys).
    private struct Scope {
        var wrappers: [@Sendable (String) -> String] = []
        /// Arrays and maps entered, for the names of the element and key variables (`item1`, `key2`, …).
        var depth = 0

        func adding(_ wrapper: @escaping @Sendable (String) -> String) -> Scope {
            var scope = self
            scope.wrappers.append(wrapper)
            return scope
        }

        func wrap(_ body: String) -> String { wrappers.reversed().reduce(body) { inner, wrapper in wrapper(inner) } }
    }

    private mutating func readFields(_ properties: [SchemaProperty], fields: [ProjectedField], path: String, record: String, scope: Scope) {
        for (property, field) in zip(properties, fields) {
            readValue(property, type: field.type, required: field.required, accessor: "\(record).\(field.name)", path: "\(path)-\(field.name)", scope: scope)
        }
    }

    /// The rules of one value, then of the values inside it.
    private mutating func readValue(_ property: SchemaProperty, type: ProjectedType, required: Bool, accessor: String, path: String, scope: Scope) {
        for constraint in Self.constraints(of: property, type: type) {
            guard let condition = constraint.condition else {
                skipped.append(SkippedRule(pointer: constraint.pointer, reason: constraint.reason))
                continue
            }
            let check = condition(accessor)
            let guarded: String
            if required {
                guarded = check
            } else if constraint.refusesNull {
                guarded = "has(\(accessor)) && \(check)"
            } else {
                guarded = "!has(\(accessor)) || \(accessor) == null || (\(check))"
            }
            add(name: "\(path)-\(constraint.name)", expression: scope.wrap(guarded), pointer: constraint.pointer)
        }
        let inner = required ? scope : scope.adding { "!has(\(accessor)) || \(accessor) == null || (\($0))" }
        switch type {
        case .record(let nested):
            readFields(property.properties, fields: nested.fields, path: path, record: accessor, scope: inner)
        case .array(let items):
            guard let itemsProperty = property.items else { return }
            let variable = "item\(scope.depth + 1)"
            var elements = inner.adding { "\(accessor).all(\(variable), \($0))" }
            elements.depth += 1
            readValue(itemsProperty, type: items, required: true, accessor: variable, path: path, scope: elements)
        case .map(let values):
            guard let value = property.mapValue else { return }
            let key = "key\(scope.depth + 1)"
            var entries = inner.adding { "\(accessor).all(\(key), \($0))" }
            entries.depth += 1
            readValue(value, type: values, required: true, accessor: "\(accessor)[\(key)]", path: path, scope: entries)
        default:
            return
        }
    }

    /// Keeps the rule when it compiles with our CEL, else reports it skipped with the error. Names
    /// are unique in the rule set: a repeated one gets `-2`, `-3`, ….
    private mutating func add(name: String, expression: String, pointer: JSONPointer) {
        var unique = name
        var suffix = 2
        while rules.contains(where: { $0.name == unique }) {
            unique = "\(name)-\(suffix)"
            suffix += 1
        }
        do {
            _ = try CELProgram.compile(expression, declarations: CELDeclarations(variables: ["message": .dyn]))
            rules.append(DomainRule(name: unique, doc: "From the contract at \(pointer.description).", expression: expression))
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

    private static func constraints(of property: SchemaProperty, type: ProjectedType) -> [Constraint] {
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
                if let literal = numberLiteral(value, for: type) {
                    constraints.append(Constraint(name: key, pointer: pointer, condition: { "\($0) \(operation) \(literal)" }, reason: ""))
                } else {
                    constraints.append(Constraint(name: key, pointer: pointer, condition: nil,
                                                  reason: "\(key) on a \(typeDescription(type)) value: CEL sees its encoded form (bytes, days or milliseconds), so the bound is not projected"))
                }
            case "multipleOf":
                constraints.append(Constraint(name: key, pointer: pointer, condition: nil, reason: "multipleOf needs exact decimal arithmetic, which CEL does not have"))
            case "format":
                // On numbers the format is the size (i32, i64), which the type already carries.
                if [.int, .long, .float, .double].contains(type) { continue }
                constraints.append(Constraint(name: key, pointer: pointer, condition: nil, reason: "CEL has no check for format \(value.stringValue ?? value.encoded()); add a pattern to have it checked"))
            case "uniqueItems":
                constraints.append(Constraint(name: key, pointer: pointer, condition: nil, reason: "uniqueItems is not projected: standard CEL has no distinct-elements function"))
            default:
                continue
            }
        }
        if let values = property.enumValues, !isNativeEnumeration(type) {
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
