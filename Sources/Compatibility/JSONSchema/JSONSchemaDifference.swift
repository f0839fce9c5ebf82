import JSON

/// One difference found by ``JSONSchemaDiff``: the change, Confluent's path and the JSON Pointers in both documents.
struct JSONSchemaDifference: Sendable {
    var change: JSONSchemaChange
    /// Confluent's path, e.g. `#/properties/foo`.
    var path: String
    var originalPointer: JSONPointer?
    var updatePointer: JSONPointer?
}
