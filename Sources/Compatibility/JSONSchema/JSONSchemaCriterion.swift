/// How a combined schema joins its subschemas (JSON Schema "allOf", "anyOf", "oneOf").
enum JSONSchemaCriterion: String, Sendable, Hashable {
    case allOf, anyOf, oneOf
}
