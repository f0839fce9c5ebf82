/// The object shapes of ODPS v1.1.0 (which also validates v1.0.0 and v0.9.0), from the official JSON
/// Schema's `properties` and `required`; fields v1.1.0 added are refused in earlier documents.
enum ODPSShapes {
    /// Versions of ODPS the registry reads (the schema's `apiVersion` enum).
    static let apiVersions = Standard.odps.apiVersions
    static let version110 = "v1.1.0"

    static let product = ObjectShape(
        "an ODPS data product",
        fields: [
            "apiVersion": .oneOf(apiVersions), "kind": .oneOf([DocumentKind.dataProduct.rawValue]), "id": .string,
            "name": .string, "deprecated": .boolean, "synonyms": .array, "version": .string, "status": .string,
            "domain": .string, "type": .string, "context": .object, "tenant": .string, "authoritativeDefinitions": .array,
            "description": .object, "customProperties": .array, "tags": .array, "inputPorts": .array, "outputPorts": .array,
            "managementPorts": .array, "support": .array, "team": .object, "productCreatedTs": .string,
        ],
        required: ["apiVersion", "kind", "id"],
        unknownKeyAdvice: "; ODPS refuses other top-level keys, so put registry hints in customProperties",
        introducedIn: ObjectShape.added(["deprecated", "synonyms", "type", "context"], in: version110))

    static let inputPort = ObjectShape(
        "an ODPS input port",
        fields: [
            "deprecated": .boolean, "id": .string, "name": .string, "version": .string, "contractId": .string, "tags": .array,
            "customProperties": .array, "authoritativeDefinitions": .array,
        ],
        required: ["name"],
        introducedIn: ObjectShape.added(["deprecated", "id"], in: version110))

    static let outputPort = ObjectShape(
        "an ODPS output port",
        fields: [
            "deprecated": .boolean, "id": .string, "name": .string, "description": .string, "type": .string,
            "version": .string, "contractId": .string, "sbom": .array, "inputContracts": .array, "synonyms": .array,
            "tags": .array, "customProperties": .array, "authoritativeDefinitions": .array, "context": .object,
        ],
        required: ["name"],
        introducedIn: ObjectShape.added(["deprecated", "id", "synonyms", "context"], in: version110))

    /// `SBOM`: `tags`, `customProperties` and `authoritativeDefinitions` are in the approved v1.1.0
    /// change list though not yet in its schema file; `url`, required before v1.1.0, is checked by
    /// the reader for those versions.
    static let sbom = ObjectShape(
        "an ODPS SBOM entry",
        fields: [
            "id": .string, "type": .string, "url": .string, "tags": .array, "customProperties": .array,
            "authoritativeDefinitions": .array,
        ],
        introducedIn: ObjectShape.added(["id", "tags", "customProperties", "authoritativeDefinitions"], in: version110))

    static let inputContract = ObjectShape(
        "an ODPS input contract", fields: ["id": .string, "version": .string], required: ["id", "version"])

    static let team = ObjectShape(
        "an ODPS team",
        fields: [
            "name": .string, "description": .string, "members": .array, "tags": .array, "customProperties": .array,
            "authoritativeDefinitions": .array,
        ])

    static let member = ObjectShape(
        "an ODPS team member",
        fields: [
            "id": .string, "username": .string, "name": .string, "description": .string, "role": .string, "dateIn": .string,
            "dateOut": .string, "replacedByUsername": .string, "tags": .array, "customProperties": .array,
            "authoritativeDefinitions": .array,
        ],
        required: ["username"],
        introducedIn: ObjectShape.added(["id"], in: version110))

    /// `vendor` is in the approved v1.1.0 change list though not yet in its schema file.
    static let customProperty = ObjectShape(
        "an ODPS custom property",
        fields: ["id": .string, "property": .string, "value": .any, "description": .string, "vendor": .string],
        required: ["property", "value"],
        introducedIn: ObjectShape.added(["id", "vendor"], in: version110))
}
