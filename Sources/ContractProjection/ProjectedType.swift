import JSON

/// A property's type once read from the contract, before it is written in a schema language
/// (docs/contract-projection.md has the table from ODCS types to each language).
indirect enum ProjectedType: Sendable, Hashable {
    case string
    case int
    case long
    case float
    case double
    /// Fixed-point decimal with `precision` digits, `scale` of them after the point.
    case decimal(precision: Int, scale: Int)
    case boolean
    case bytes
    /// Days since 1970-01-01.
    case date
    case timestampMillis
    case timestampMicros
    case localTimestampMillis
    case localTimestampMicros
    case timeMillis
    case timeMicros
    /// A closed set of string symbols (the property's `enum` values).
    case enumeration(name: String, symbols: [String])
    case array(ProjectedType)
    /// A map with string keys.
    case map(ProjectedType)
    case record(ProjectedRecord)
}

/// A record (the schema object, or an `object` property) and its fields in contract order.
struct ProjectedRecord: Sendable, Hashable {
    var name: String
    var doc: String?
    var fields: [ProjectedField]
}

/// One field: a contract property with its type and nullability.
struct ProjectedField: Sendable, Hashable {
    var name: String
    var doc: String?
    var type: ProjectedType
    /// `required: true` in the contract: the value may not be null.
    var required: Bool
    /// The property's `logicalTypeOptions` that bound values (`maxLength`, `minimum`, …), as written.
    var bounds: JSONObject
    /// The property in the contract, e.g. `/schema/0/properties/2`.
    var pointer: JSONPointer
}
