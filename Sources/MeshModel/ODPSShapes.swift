/// The object shapes of ODPS v1.0.0, from the official JSON Schema's `properties` and `required`.
enum ODPSShapes {
    /// Versions of ODPS the registry reads (the schema's `apiVersion` enum).
    static let apiVersions = ["v1.0.0", "v0.9.0"]

    static let product = ObjectShape(
        "an ODPS data product",
        fields: [
            "apiVersion": .oneOf(apiVersions), "kind": .oneOf([DocumentKind.dataProduct.rawValue]), "id": .string,
            "name": .string, "version": .string, "status": .string, "domain": .string, "tenant": .string,
            "authoritativeDefinitions": .array, "description": .object, "customProperties": .array, "tags": .array,
            "inputPorts": .array, "outputPorts": .array, "managementPorts": .array, "support": .array, "team": .object,
            "productCreatedTs": .string,
        ],
        required: ["apiVersion", "kind", "id", "status"],
        unknownKeyAdvice: "; ODPS refuses other top-level keys, so put registry hints in customProperties")

    static let inputPort = ObjectShape(
        "an ODPS input port",
        fields: [
            "name": .string, "version": .string, "contractId": .string, "tags": .array, "customProperties": .array,
            "authoritativeDefinitions": .array,
        ],
        required: ["name", "version", "contractId"])

    static let outputPort = ObjectShape(
        "an ODPS output port",
        fields: [
            "name": .string, "description": .string, "type": .string, "version": .string, "contractId": .string,
            "sbom": .array, "inputContracts": .array, "tags": .array, "customProperties": .array,
            "authoritativeDefinitions": .array,
        ],
        required: ["name", "version"])

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
            "username": .string, "name": .string, "description": .string, "role": .string, "dateIn": .string,
            "dateOut": .string, "replacedByUsername": .string, "tags": .array, "customProperties": .array,
            "authoritativeDefinitions": .array,
        ],
        required: ["username"])

    static let customProperty = ObjectShape(
        "an ODPS custom property", fields: ["property": .string, "value": .any, "description": .string],
        required: ["property", "value"])
}
