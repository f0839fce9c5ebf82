extension JSONSchemaDiff {
    /// Confluent's `StringSchemaDiff`: length bounds and pattern.
    mutating func compareStrings(_ original: JSONSchemaStringKeywords, _ update: JSONSchemaStringKeywords) {
        compareBound("maxLength", original.maxLength, update.maxLength,
                     (.maxLengthAdded, .maxLengthRemoved, .maxLengthIncreased, .maxLengthDecreased))
        compareBound("minLength", original.minLength, update.minLength,
                     (.minLengthAdded, .minLengthRemoved, .minLengthIncreased, .minLengthDecreased))
        switch (original.pattern, update.pattern) {
        case (nil, nil): break
        case (nil, _?): add(.patternAdded, "pattern")
        case (_?, nil): add(.patternRemoved, "pattern")
        case (let before?, let after?): if before != after { add(.patternChanged, "pattern") }
        }
    }

    /// Confluent's `NumberSchemaDiff`: bounds, `multipleOf` (divisibility decides expanded/reduced) and integer-only.
    mutating func compareNumbers(_ original: JSONSchemaNumberKeywords, _ update: JSONSchemaNumberKeywords) {
        compareBound("maximum", original.maximum, update.maximum,
                     (.maximumAdded, .maximumRemoved, .maximumIncreased, .maximumDecreased))
        compareBound("minimum", original.minimum, update.minimum,
                     (.minimumAdded, .minimumRemoved, .minimumIncreased, .minimumDecreased))
        compareBound("exclusiveMaximum", original.exclusiveMaximum, update.exclusiveMaximum,
                     (.exclusiveMaximumAdded, .exclusiveMaximumRemoved, .exclusiveMaximumIncreased, .exclusiveMaximumDecreased))
        compareBound("exclusiveMinimum", original.exclusiveMinimum, update.exclusiveMinimum,
                     (.exclusiveMinimumAdded, .exclusiveMinimumRemoved, .exclusiveMinimumIncreased, .exclusiveMinimumDecreased))
        switch (original.multipleOf, update.multipleOf) {
        case (nil, nil): break
        case (nil, _?): add(.multipleOfAdded, "multipleOf")
        case (_?, nil): add(.multipleOfRemoved, "multipleOf")
        case (let before?, let after?) where before != after:
            if Self.divides(before, after) {
                add(.multipleOfExpanded, "multipleOf")
            } else if Self.divides(after, before) {
                add(.multipleOfReduced, "multipleOf")
            } else {
                add(.multipleOfChanged, "multipleOf")
            }
        default: break
        }
        if original.requiresInteger != update.requiresInteger {
            add(original.requiresInteger ? .typeExtended : .typeNarrowed)
        }
    }

    /// Compares an optional bound and records it as added, removed, increased or decreased.
    mutating func compareBound<Value: Comparable>(
        _ keyword: String, _ original: Value?, _ update: Value?,
        _ changes: (added: JSONSchemaChange, removed: JSONSchemaChange, increased: JSONSchemaChange, decreased: JSONSchemaChange)
    ) {
        switch (original, update) {
        case (nil, nil): break
        case (nil, _?): add(changes.added, keyword)
        case (_?, nil): add(changes.removed, keyword)
        case (let before?, let after?):
            if before < after { add(changes.increased, keyword) } else if before > after { add(changes.decreased, keyword) }
        }
    }

    /// Whether `multiple` is an integer multiple of `divisor` (tolerating binary rounding).
    private static func divides(_ divisor: Double, _ multiple: Double) -> Bool {
        guard divisor != 0 else { return false }
        let quotient = multiple / divisor
        return abs(quotient - quotient.rounded()) < 1e-9
    }
}
