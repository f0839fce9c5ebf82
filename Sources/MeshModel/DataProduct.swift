import JSON

/// A data product: an ODPS v1.1.0 (or v1.0.0, v0.9.0) document with typed views of the fields the registry uses.
public struct DataProduct: Sendable, Hashable {
    /// The document as given.
    public let json: JSONValue
    /// `apiVersion`: one of ``Standard/odps``'s versions.
    public let apiVersion: String
    /// `id`, as written; ``registrationIssues`` checks it against ``ResourceIdentifier``.
    public let id: String
    /// `name`, required by registry rules.
    public let name: String?
    /// `version` as written.
    public let versionText: String?
    /// `version` when it is SemVer 2.0.0.
    public let version: SemanticVersion?
    /// `domain`, the owning domain; required by registry rules.
    public let domain: String?
    /// `status` as written; ODPS allows any text.
    public let statusText: String
    /// `status` when it is one the registry knows.
    public let status: LifecycleStatus?
    /// Whether the product is marked `deprecated: true` (ODPS v1.1.0).
    public let deprecated: Bool
    /// `team.name`.
    public let teamName: String?
    /// `team.members`.
    public let members: [TeamMember]
    /// `inputPorts`: the contracts the product reads.
    public let inputPorts: [InputPort]
    /// `outputPorts`: what the product publishes.
    public let outputPorts: [OutputPort]
    /// `customProperties` as a dictionary (the first entry of a repeated name wins).
    public let customProperties: [String: JSONValue]
    let customPropertyEntries: [CustomProperty]

    /// Reads `json` under the ODPS standard's rules, reporting every problem at once. When the
    /// standard's rules fail, the registry's rules are checked too, so one run shows everything.
    public init(json: JSONValue) throws(DocumentValidationError) {
        var reader = DocumentReader()
        self.init(json: json, reader: &reader)
        if !reader.issues.isEmpty {
            throw DocumentValidationError(issues: reader.issues(with: registrationIssues, in: json))
        }
    }

    /// Reads what it can, leaving the standard's problems in `reader`.
    private init(json: JSONValue, reader: inout DocumentReader) {
        reader.declaredVersion = StandardVersion(.odps, apiVersion: json["apiVersion"]?.stringValue)
        let root = reader.object(json, shape: ODPSShapes.product, at: .root) ?? JSONObject()
        reader.contextAndSynonyms(in: root, at: .root)
        let customProperties = reader.customProperties(in: root, shape: ODPSShapes.customProperty, at: .root)
        let inputPorts = reader.objects("inputPorts", in: root, shape: ODPSShapes.inputPort, at: .root).compactMap { port in
            Self.inputPort(port.object, at: port.pointer, reader: &reader)
        }
        let outputPorts = reader.objects("outputPorts", in: root, shape: ODPSShapes.outputPort, at: .root).compactMap { port in
            Self.outputPort(port.object, at: port.pointer, reader: &reader)
        }
        var teamName: String?
        var members: [TeamMember] = []
        if let teamObject = reader.nestedObject("team", in: root, shape: ODPSShapes.team, at: .root) {
            teamName = teamObject["name"]?.stringValue
            members = reader.objects("members", in: teamObject, shape: ODPSShapes.member, at: .root / "team")
                .compactMap { TeamMember(object: $0.object) }
        }
        self.json = json
        self.apiVersion = root["apiVersion"]?.stringValue ?? ""
        self.id = root["id"]?.stringValue ?? ""
        self.name = root["name"]?.stringValue
        self.versionText = root["version"]?.stringValue
        self.version = versionText.flatMap(SemanticVersion.init)
        self.domain = root["domain"]?.stringValue
        self.statusText = root["status"]?.stringValue ?? ""
        self.status = LifecycleStatus(rawValue: statusText)
        self.deprecated = root["deprecated"]?.boolValue ?? false
        self.teamName = teamName
        self.members = members
        self.inputPorts = inputPorts
        self.outputPorts = outputPorts
        self.customPropertyEntries = customProperties
        self.customProperties = CustomProperty.dictionary(customProperties)
    }

    /// The product's architectural kind: ODPS v1.1.0 `type`, else the registry hint
    /// `customProperties.productType` that earlier documents use.
    public var productType: String? { json["type"]?.stringValue ?? customProperties["productType"]?.stringValue }

    /// The product's team as a ``Team``, when it has a name.
    public var team: Team? { teamName.map { Team(name: $0, members: members) } }

    /// The contract versions the product reads and publishes, for lineage and reference checks.
    public var contractReferences: [ContractReference] {
        inputPorts.map(\.reference) + outputPorts.compactMap(\.contractReference)
    }

    private static func inputPort(_ port: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) -> InputPort? {
        let properties = reader.customProperties(in: port, shape: ODPSShapes.customProperty, at: pointer)
        guard let name = port["name"]?.stringValue else { return nil }
        let isExternal = CustomProperty.dictionary(properties)["external"] == .bool(true)
        return InputPort(
            name: name, contractId: port["contractId"]?.stringValue ?? "", version: port["version"]?.stringValue ?? "",
            isExternal: isExternal, deprecated: port["deprecated"]?.boolValue ?? false, pointer: pointer)
    }

    private static func outputPort(_ port: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) -> OutputPort? {
        let inputContracts = reader.objects("inputContracts", in: port, shape: ODPSShapes.inputContract, at: pointer)
            .compactMap { entry -> ContractReference? in
                guard let id = entry.object["id"]?.stringValue, let version = entry.object["version"]?.stringValue else { return nil }
                return ContractReference(id: id, version: version)
            }
        reader.contextAndSynonyms(in: port, at: pointer)
        for entry in reader.objects("sbom", in: port, shape: ODPSShapes.sbom, at: pointer)
        where entry.object["url"] == nil && reader.declaredVersion?.isBefore(ODPSShapes.version110) == true {
            reader.report(ValidationIssue.Code.missingField, at: entry.pointer / "url", "an SBOM entry needs 'url' before ODPS v1.1.0")
        }
        guard let name = port["name"]?.stringValue else { return nil }
        return OutputPort(
            name: name, contractId: port["contractId"]?.stringValue, version: port["version"]?.stringValue ?? "",
            type: port["type"]?.stringValue, deprecated: port["deprecated"]?.boolValue ?? false, inputContracts: inputContracts,
            pointer: pointer)
    }
}
