import JSON

/// The JSON type a field must have.
enum FieldType: Sendable {
    case string, boolean, integer, object, array, any
    /// A string from a fixed list (an `enum` in the standard's schema).
    case oneOf([String])
    /// An object or an array (ODCS `team`: v3.1.0 object or v3.0.x member list).
    case objectOrArray
    /// An ODCS `StableId`: a string matching `^[A-Za-z0-9_-]+$`.
    case stableId
    /// A string or an object (ODCS v3.2.0 `context`: a string is short for its `instructions`).
    case stringOrObject

    func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.any, _), (.string, .string), (.oneOf, .string), (.stableId, .string), (.boolean, .bool), (.integer, .integer),
            (.object, .object), (.array, .array), (.objectOrArray, .object), (.objectOrArray, .array),
            (.stringOrObject, .string), (.stringOrObject, .object):
            true
        default:
            false
        }
    }

    /// Characters the wider `StableId` of ODCS v3.2.0 refuses besides white space.
    static let stableIdForbidden: Set<Unicode.Scalar> = [".", "#", "/", "\\", "@", "!", "%", "&", "^"]

    /// Whether `text` is an ODCS v3.2.0 `StableId`: no white space nor any of `. # / \ @ ! % & ^`.
    static func isWideStableId(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace || stableIdForbidden.contains($0) }
    }

    /// Whether `text` matches the ODCS `StableId` pattern `^[A-Za-z0-9_-]+$` (up to v3.1.0).
    static func isStableId(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
            default: false
            }
        }
    }

    /// The expected type, for messages: "a string", "an array", ….
    var expectation: String {
        switch self {
        case .string, .oneOf, .stableId: "a string"
        case .boolean: "a boolean (true or false)"
        case .integer: "an integer"
        case .object: "an object"
        case .array: "an array"
        case .any: "any value"
        case .objectOrArray: "an object (or, before ODCS v3.1.0, an array)"
        case .stringOrObject: "a string or an object"
        }
    }
}

/// The fields an object of a standard may have, which are required, and their types.
struct ObjectShape: Sendable {
    /// What the object is, for messages: "an ODPS output port".
    let subject: String
    /// Field names in the schema's order, with their types.
    let fields: [(name: String, type: FieldType)]
    /// Names that must be present.
    let required: [String]
    /// Whether keys outside `fields` are refused (`additionalProperties: false` in the schema).
    let isClosed: Bool
    /// Advice added to an unknown-key message, e.g. where registry hints go.
    let unknownKeyAdvice: String
    /// Fields a later version of the standard added, with the `apiVersion` that added them; a
    /// document declaring an earlier version may not use them.
    let introducedIn: [String: String]

    init(
        _ subject: String, fields: KeyValuePairs<String, FieldType>, required: [String] = [], isClosed: Bool = true,
        unknownKeyAdvice: String = "", introducedIn: [String: String] = [:]
    ) {
        self.subject = subject
        self.fields = fields.map { (name: $0.key, type: $0.value) }
        self.required = required
        self.isClosed = isClosed
        self.unknownKeyAdvice = unknownKeyAdvice
        self.introducedIn = introducedIn
    }

    /// `names`, each marked as added in `apiVersion`, for `introducedIn`.
    static func added(_ names: [String], in apiVersion: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, apiVersion) })
    }

    /// The type of `name`, or nil when the shape does not define it.
    func type(of name: String) -> FieldType? {
        fields.first { $0.name == name }?.type
    }

    /// The allowed field names.
    var fieldNames: [String] { fields.map(\.name) }
}
