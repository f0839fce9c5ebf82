import JSON

/// A data product: an ODPS v1.0.0 (or v0.9.0) document with typed views of the fields the registry uses.
public struct DataProduct: Sendable, Hashable {
    /// The document as given.
    public let json: JSONValue
    /// `apiVersion`: `v1.0.0` or `v0.9.0`.
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
        let root = reader.object(json, shape: ODPSShapes.product, at: .root) ?? JSONObject()
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
        self.teamName = teamName
        self.members = members
        self.inputPorts = inputPorts
        self.outputPorts = outputPorts
        self.customPropertyEntries = customProperties
        self.customProperties = CustomProperty.dictionary(customProperties)
    }

    /// The registry hint `customProperties.productType`, when it is a string.
    public var productType: String? { customProperties["productType"]?.stringValue }

    /// The product's team as a ``Team``, when it has a name.
    public var team: Team? { teamName.map { Team(name: $0, members: members) } }

    /// The contract versions the product reads and publishes, for lineage and reference checks.
    public var contractReferences: [ContractReference] {
        inputPorts.map(\.reference) + outputPorts.compactMap(\.contractReference)
    }

    private static func inputPort(_ port: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) -> InputPort? {
        let properties = reader.customProperties(in: port, shape: ODPSShapes.customProperty, at: pointer)
        guard let name = port["name"]?.stringValue, let contractId = port["contractId"]?.stringValue,
            let version = port["version"]?.stringValue
        else { return nil }
        let isExternal = CustomProperty.dictionary(properties)["external"] == .bool(true)
        return InputPort(name: name, contractId: contractId, version: version, isExternal: isExternal, pointer: pointer)
    }

    private static func outputPort(_ port: JSONObject, at pointer: JSONPointer, reader: inout DocumentReader) -> OutputPort? {
        let inputContracts = reader.objects("inputContracts", in: port, shape: ODPSShapes.inputContract, at: pointer)
            .compactMap { entry -> ContractReference? in
                guard let id = entry.object["id"]?.stringValue, let version = entry.object["version"]?.stringValue else { return nil }
                return ContractReference(id: id, version: version)
            }
        guard let name = port["name"]?.stringValue, let version = port["version"]?.stringValue else { return nil }
        return OutputPort(
            name: name, contractId: port["contractId"]?.stringValue, version: version, type: port["type"]?.stringValue,
            inputContracts: inputContracts, pointer: pointer)
    }
}
