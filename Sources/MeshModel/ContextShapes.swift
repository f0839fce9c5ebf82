import JSON

/// The AI and semantic guidance blocks ODPS v1.1.0 and ODCS v3.2.0 share: `context` and `synonyms`
/// (both schemas' `Context` and `Synonym` definitions).
enum ContextShapes {
    static let context = ObjectShape(
        "a context block", fields: ["instructions": .string, "verifiedStatements": .array, "constraints": .array])

    static let verifiedStatement = ObjectShape(
        "a verified statement",
        fields: [
            "id": .string, "question": .string, "answer": .string, "authoritativeDefinitions": .array, "tags": .array,
            "customProperties": .array,
        ],
        required: ["question"])

    static let constraint = ObjectShape(
        "a context constraint",
        fields: [
            "id": .string, "constraint": .string, "authoritativeDefinitions": .array, "tags": .array, "customProperties": .array,
        ],
        required: ["constraint"])

    static let synonym = ObjectShape(
        "a synonym",
        fields: [
            "id": .string, "synonym": .string, "description": .string, "locale": .string, "source": .string, "status": .string,
            "customProperties": .array,
        ],
        required: ["synonym"])
}

extension DocumentReader {
    /// Checks `object`'s `context` (an object, or in ODCS also a string) and `synonyms` entries.
    mutating func contextAndSynonyms(in object: JSONObject, at pointer: JSONPointer) {
        if let context = nestedObject("context", in: object, shape: ContextShapes.context, at: pointer) {
            _ = objects("verifiedStatements", in: context, shape: ContextShapes.verifiedStatement, at: pointer / "context")
            _ = objects("constraints", in: context, shape: ContextShapes.constraint, at: pointer / "context")
        }
        _ = objects("synonyms", in: object, shape: ContextShapes.synonym, at: pointer)
    }
}
