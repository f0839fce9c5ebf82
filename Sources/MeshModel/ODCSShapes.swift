/// The object shapes of ODCS v3.2.0 (which also validates v3.1.0 and v3.0.x), from the official JSON
/// Schema; fields v3.2.0 added are refused in earlier documents.
enum ODCSShapes {
    /// Versions of ODCS the registry reads; the schema's v2.2.x versions have another layout and are refused.
    static let apiVersions = Standard.odcs.apiVersions
    static let version320 = "v3.2.0"

    static let contract = ObjectShape(
        "an ODCS data contract",
        fields: [
            "version": .string, "kind": .oneOf([DocumentKind.dataContract.rawValue]), "apiVersion": .oneOf(apiVersions),
            "id": .string, "name": .string, "tenant": .string, "tags": .array, "status": .string, "servers": .array,
            "dataProduct": .string, "description": .object, "domain": .string, "context": .stringOrObject, "schema": .array,
            "support": .array, "price": .object, "team": .objectOrArray, "roles": .array, "slaDefaultElement": .string,
            "slaProperties": .array, "authoritativeDefinitions": .array, "customProperties": .array,
            "contractCreatedTs": .string,
        ],
        required: ["version", "apiVersion", "kind", "id"],
        unknownKeyAdvice: "; ODCS refuses other top-level keys, so put registry hints in customProperties",
        introducedIn: ObjectShape.added(["context"], in: version320))

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
        fields: ["id": .stableId, "property": .string, "value": .any, "description": .string, "vendor": .string],
        required: ["property", "value"],
        introducedIn: ObjectShape.added(["vendor"], in: version320))

    static let server = ObjectShape("an ODCS server", fields: [:], isClosed: false)

    /// `SchemaObject`: the `SchemaElement` fields plus the object's own.
    static let schemaObject = ObjectShape(
        "an ODCS schema object",
        fields: [
            "id": .stableId, "name": .string, "physicalType": .string, "description": .string, "businessName": .string,
            "deprecated": .boolean, "synonyms": .array, "authoritativeDefinitions": .array, "tags": .array,
            "customProperties": .array, "logicalType": .oneOf(["object", "blob"]), "physicalName": .string,
            "dataGranularityDescription": .string, "properties": .array, "relationships": .array, "quality": .array,
            "context": .stringOrObject,
        ],
        required: ["name"],
        introducedIn: ObjectShape.added(["deprecated", "synonyms", "context"], in: version320))

    /// `SchemaProperty`; `items` and `properties` are accepted whatever the `logicalType`.
    static let property = propertyShape("an ODCS schema property", required: ["name"])

    /// `SchemaItemProperty`: an array's `items`, whose name is optional.
    static let itemProperty = propertyShape("an ODCS array items property", required: [])

    /// The `logicalType` values of `SchemaBaseProperty`.
    static let logicalTypes = [
        "string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean", "map", "vector",
    ]

    /// The `logicalType` values ODCS v3.2.0 added.
    static let logicalTypesOf320: Set<String> = ["map", "vector"]

    /// The `semanticType` values (ODCS v3.2.0).
    static let semanticTypes = ["column", "measure", "dimension"]

    /// `EnumValue`: one allowed value of a property (ODCS v3.2.0).
    static let enumValue = ObjectShape(
        "an ODCS enum value",
        fields: [
            "value": .any, "label": .string, "id": .stableId, "description": .string, "customProperties": .array,
            "authoritativeDefinitions": .array, "tags": .array,
        ],
        required: ["value"])

    /// A relationship on a schema object: `from` and `to` (single names or lists for composite keys).
    static let objectRelationship = ObjectShape(
        "an ODCS schema relationship",
        fields: ["id": .string, "type": .oneOf(["foreignKey"]), "from": .any, "to": .any, "customProperties": .array],
        required: ["from", "to"],
        introducedIn: ObjectShape.added(["id"], in: version320))

    /// A relationship on a property, which is its implicit `from`.
    static let propertyRelationship = ObjectShape(
        "an ODCS property relationship",
        fields: ["id": .string, "type": .oneOf(["foreignKey"]), "to": .any, "customProperties": .array],
        required: ["to"],
        unknownKeyAdvice: "; a property's relationship starts at the property itself, so it has no 'from'",
        introducedIn: ObjectShape.added(["id"], in: version320))

    /// A map property's `map`: its key and value definitions (ODCS v3.2.0).
    static let map = ObjectShape("an ODCS map definition", fields: ["key": .object, "value": .object], required: ["key", "value"])

    private static func propertyShape(_ subject: String, required: [String]) -> ObjectShape {
        ObjectShape(
            subject,
            fields: [
                "id": .stableId, "name": .string, "physicalType": .string, "description": .string, "businessName": .string,
                "deprecated": .boolean, "synonyms": .array, "authoritativeDefinitions": .array, "tags": .array,
                "customProperties": .array, "primaryKey": .boolean, "primaryKeyPosition": .integer,
                "logicalType": .oneOf(logicalTypes), "logicalTypeOptions": .object, "physicalName": .string,
                "required": .boolean, "unique": .boolean, "semanticType": .oneOf(semanticTypes), "partitioned": .boolean,
                "partitionKeyPosition": .integer, "classification": .string, "encryptedName": .string,
                "transformSourceObjects": .array, "transformLogic": .string, "transformDescription": .string,
                "examples": .array, "enum": .array, "criticalDataElement": .boolean, "relationships": .array,
                "quality": .array, "items": .object, "properties": .array, "map": .object,
            ],
            required: required,
            introducedIn: ObjectShape.added(["deprecated", "synonyms", "semanticType", "enum", "map"], in: version320))
    }
}
