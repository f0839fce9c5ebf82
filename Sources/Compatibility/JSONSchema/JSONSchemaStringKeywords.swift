/// The string keywords Confluent compares: length bounds and pattern.
struct JSONSchemaStringKeywords: Sendable {
    var minLength: Int64?
    var maxLength: Int64?
    var pattern: String?
}
