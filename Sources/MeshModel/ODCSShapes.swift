/// The object shapes of ODCS v3.1.0 (which also validates v3.0.x), from the official JSON Schema.
enum ODCSShapes {
    /// Versions of ODCS the registry reads; the schema's v2.2.x versions have another layout and are refused.
    static let apiVersions = ["v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0"]

    static let contract = ObjectShape(
        "an ODCS data contract",
        fields: [
            "version": .string, "kind": .oneOf([DocumentKind.dataContract.rawValue]), "apiVersion": .oneOf(apiVersions),
            "id": .string, "name": .string, "tenant": .string, "tags": .array, "status": .string, "servers": .array,
            "dataProduct": .string, "description": .object, "domain": .string, "schema": .array, "support": .array,
            "price": .object, "team": .objectOrArray, "roles": .array, "slaDefaultElement": .string,
            "slaProperties": .array, "authoritativeDefinitions": .array, "customProperties": .array,
            "contractCreatedTs": .string,
        ],
        required: ["version", "apiVersion", "kind", "id", "status"],
        unknownKeyAdvice: "; ODCS refuses other top-level keys, so put registry hints in customProperties")

    static let team = ObjectShape(
        "an ODCS team",
        fields: [
            "id": .stableId, "name": .string, "description": .string, "members": .array, "tags": .array,
            "customProperties": .array, "authoritativeDefinitions": .array,
        ])

    static let member = ObjectShape(
        "an ODCS team member",
        fields: [
            "id": .stableId, "username": .string, "name": .string, "description": .string, "role": .string,
            "dateIn": .string, "dateOut": .string, "replacedByUsername": .string, "tags": .array,
            "customProperties": .array, "authoritativeDefinitions": .array,
        ],
        required: ["username"])

    static let customProperty = ObjectShape(
        "an ODCS custom property",
        fields: ["id": .stableId, "property": .string, "value": .any, "description": .string],
        required: ["property", "value"])

    static let server = ObjectShape("an ODCS server", fields: [:], isClosed: false)

    /// `SchemaObject`: the `SchemaElement` fields plus the object's own.
    static let schemaObject = ObjectShape(
        "an ODCS schema object",
        fields: [
            "id": .stableId, "name": .string, "physicalType": .string, "description": .string, "businessName": .string,
            "authoritativeDefinitions": .array, "tags": .array, "customProperties": .array,
            "logicalType": .oneOf(["object"]), "physicalName": .string, "dataGranularityDescription": .string,
            "properties": .array, "relationships": .array, "quality": .array,
        ],
        required: ["name"])

    /// `SchemaProperty`; `items` and `properties` are accepted whatever the `logicalType`.
    static let property = propertyShape("an ODCS schema property", required: ["name"])

    /// `SchemaItemProperty`: an array's `items`, whose name is optional.
    static let itemProperty = propertyShape("an ODCS array items property", required: [])

    /// The `logicalType` values of `SchemaBaseProperty`.
    static let logicalTypes = ["string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"]

    private static func propertyShape(_ subject: String, required: [String]) -> ObjectShape {
        ObjectShape(
            subject,
            fields: [
                "id": .stableId, "name": .string, "physicalType": .string, "description": .string, "businessName": .string,
                "authoritativeDefinitions": .array, "tags": .array, "customProperties": .array,
                "primaryKey": .boolean, "primaryKeyPosition": .integer, "logicalType": .oneOf(logicalTypes),
                "logicalTypeOptions": .object, "physicalName": .string, "required": .boolean, "unique": .boolean,
                "partitioned": .boolean, "partitionKeyPosition": .integer, "classification": .string,
                "encryptedName": .string, "transformSourceObjects": .array, "transformLogic": .string,
                "transformDescription": .string, "examples": .array, "criticalDataElement": .boolean,
                "relationships": .array, "quality": .array, "items": .object, "properties": .array,
            ],
            required: required)
    }
}
