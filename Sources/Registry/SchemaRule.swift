import JSON

/// One data-contract rule of a `ruleSet` in Confluent's shape: a named CONDITION or TRANSFORM of
/// some `type` (`CEL`, `CEL_FIELD`, `ENCRYPT`, …) that clients run in a `mode`. The registry
/// stores rules; Kafka clients execute them.
public struct SchemaRule: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case condition = "CONDITION"
        case transform = "TRANSFORM"
    }

    public enum Mode: String, Sendable, CaseIterable {
        case upgrade = "UPGRADE", downgrade = "DOWNGRADE", upDown = "UPDOWN"
        case write = "WRITE", read = "READ", writeRead = "WRITEREAD"

        /// UPGRADE, DOWNGRADE and UPDOWN: the modes of `migrationRules`.
        public var isMigration: Bool { [.upgrade, .downgrade, .upDown].contains(self) }
    }

    public var name: String
    public var doc: String?
    public var kind: Kind
    public var mode: Mode
    public var type: String
    public var tags: [String]
    public var params: [String: String]
    public var expr: String?
    public var onSuccess: String?
    public var onFailure: String?
    public var disabled: Bool

    public init(name: String, doc: String? = nil, kind: Kind, mode: Mode, type: String, tags: [String] = [],
                params: [String: String] = [:], expr: String? = nil, onSuccess: String? = nil, onFailure: String? = nil,
                disabled: Bool = false) {
        self.name = name
        self.doc = doc
        self.kind = kind
        self.mode = mode
        self.type = type
        self.tags = Array(Set(tags)).sorted()
        self.params = params
        self.expr = expr
        self.onSuccess = onSuccess
        self.onFailure = onFailure
        self.disabled = disabled
    }

    /// The longest `expr`, `doc` or parameter value (bytes of UTF-8).
    public static let maximumTextLength = 65_536

    /// Reads one rule, refusing a missing or malformed field with its JSON Pointer. The name must
    /// start with a letter or `_` and go on with letters, digits, `_` or `-`, as Confluent requires.
    public init(json: JSONValue, at pointer: JSONPointer) throws(SubjectError) {
        guard let object = json.objectValue else { throw Self.invalid(pointer, "must be a rule object with name, kind, mode and type") }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            throw Self.invalid(pointer / "name", "is missing; every rule needs a name")
        }
        guard Self.isValidName(name) else {
            throw Self.invalid(pointer / "name", "'\(name)' is not a valid rule name: start with a letter or _, then use letters, digits, _ or -")
        }
        guard let kindName = object["kind"]?.stringValue, let kind = Kind(rawValue: kindName.uppercased()) else {
            throw Self.invalid(pointer / "kind", "of rule '\(name)' must be CONDITION or TRANSFORM")
        }
        guard let modeName = object["mode"]?.stringValue, let mode = Mode(rawValue: modeName.uppercased()) else {
            throw Self.invalid(pointer / "mode", "of rule '\(name)' must be one of \(Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let type = object["type"]?.stringValue, !type.isEmpty, type.utf8.count <= 256 else {
            throw Self.invalid(pointer / "type", "of rule '\(name)' must be a rule type such as CEL or CEL_FIELD")
        }
        var tags: [String] = []
        if let value = object["tags"], !value.isNull {
            guard let items = value.arrayValue, items.count <= SchemaMetadata.maximumEntries else {
                throw Self.invalid(pointer / "tags", "of rule '\(name)' must be an array of tag names")
            }
            for (index, item) in items.enumerated() {
                guard let tag = item.stringValue, !tag.isEmpty else { throw Self.invalid(pointer / "tags" / index, "must be a non-empty string") }
                tags.append(tag)
            }
        }
        var params: [String: String] = [:]
        if let value = object["params"], !value.isNull {
            guard let entries = value.objectValue, entries.count <= SchemaMetadata.maximumEntries else {
                throw Self.invalid(pointer / "params", "of rule '\(name)' must be an object of string parameters")
            }
            for (key, text) in entries {
                params[key] = try Self.text(text, at: pointer / "params" / key)
            }
        }
        let disabled = object["disabled"]
        guard disabled == nil || disabled?.isNull == true || disabled?.boolValue != nil else {
            throw Self.invalid(pointer / "disabled", "of rule '\(name)' must be true or false")
        }
        self.init(name: name, doc: try object["doc"].flatMap { value throws(SubjectError) in try Self.optionalText(value, at: pointer / "doc") },
                  kind: kind, mode: mode, type: type, tags: tags, params: params,
                  expr: try object["expr"].flatMap { value throws(SubjectError) in try Self.optionalText(value, at: pointer / "expr") },
                  onSuccess: try object["onSuccess"].flatMap { value throws(SubjectError) in try Self.optionalText(value, at: pointer / "onSuccess") },
                  onFailure: try object["onFailure"].flatMap { value throws(SubjectError) in try Self.optionalText(value, at: pointer / "onFailure") },
                  disabled: disabled?.boolValue ?? false)
    }

    /// The JSON Confluent serves; absent optional fields and empty tags and params left out.
    public var json: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if let doc { object["doc"] = .string(doc) }
        object["kind"] = .string(kind.rawValue)
        object["mode"] = .string(mode.rawValue)
        object["type"] = .string(type)
        if !tags.isEmpty { object["tags"] = .array(tags.map(JSONValue.string)) }
        if !params.isEmpty { object["params"] = .object(JSONObject(params.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })) }
        if let expr { object["expr"] = .string(expr) }
        if let onSuccess { object["onSuccess"] = .string(onSuccess) }
        if let onFailure { object["onFailure"] = .string(onFailure) }
        if disabled { object["disabled"] = .bool(true) }
        return .object(object)
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    private static func optionalText(_ value: JSONValue, at pointer: JSONPointer) throws(SubjectError) -> String? {
        value.isNull ? nil : try text(value, at: pointer)
    }

    private static func text(_ value: JSONValue, at pointer: JSONPointer) throws(SubjectError) -> String {
        guard let text = value.stringValue, text.utf8.count <= maximumTextLength else {
            throw invalid(pointer, "must be a string of at most \(maximumTextLength) bytes")
        }
        return text
    }

    static func invalid(_ pointer: JSONPointer, _ message: String) -> SubjectError {
        SubjectError(.invalidSchema, "Invalid rule: \(pointer) \(message)")
    }
}
