/// The numeric keywords Confluent compares: bounds, `multipleOf` and integer-only.
struct JSONSchemaNumberKeywords: Sendable {
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?
    var requiresInteger = false
}
