/// ODCS logical types and which changes a reader tolerates (ODCS v3 "logicalType").
enum ODCSLogicalType {
    /// Whether a reader declaring `reader` can take every value a writer declaring `writer` produces.
    /// An absent type accepts anything; integers are numbers; nothing else converts safely.
    static func reader(_ reader: String?, accepts writer: String?) -> Bool {
        guard let reader else { return true }
        guard let writer else { return false }
        return reader == writer || (reader == "number" && writer == "integer")
    }

    /// Options bounding values from above: a reader's must be at least the writer's.
    static let upperBounds: Set<String> = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"]
    /// Options bounding values from below: a reader's must be at most the writer's.
    static let lowerBounds: Set<String> = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"]
    /// Options whose every change may reject or misread values.
    static let exact: Set<String> = ["pattern", "format", "multipleOf", "timezone", "defaultTimezone"]
    /// Property keys that only document the data.
    static let metadataKeys = [
        "description", "businessName", "classification", "tags", "examples", "criticalDataElement",
        "authoritativeDefinitions", "customProperties", "encryptedName", "transformLogic", "transformDescription",
        "transformSourceObjects", "quality", "deprecated", "synonyms", "semanticType", "context",
    ]
}
