import JSON

/// A data contract: an ODCS v3.2.0 (or v3.1.0, v3.0.x) document with typed views of the fields the registry uses.
public struct DataContract: Sendable, Hashable {
    /// The compatibility modes the registry hint `customProperties.compatibility` may name.
    public static let compatibilityModes = [
        "NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE",
    ]

    /// The document as given.
    public let json: JSONValue
    /// `apiVersion`: one of ``Standard/odcs``'s versions.
    public let apiVersion: String
    /// `id`, as written; ``registrationIssues`` checks it against ``ResourceIdentifier``.
    public let id: String
    /// `name`, required by registry rules.
    public let name: String?
    /// `version` as written (ODCS requires it).
    public let versionText: String
    /// `version` when it is SemVer 2.0.0.
    public let version: SemanticVersion?
    /// `domain`, the owning domain; required by registry rules.
    public let domain: String?
    /// `status` as written; ODCS allows any text.
    public let statusText: String
    /// `status` when it is one the registry knows.
    public let status: LifecycleStatus?
    /// `team.name` (v3.1.0); nil for the v3.0.x member list.
    public let teamName: String?
    /// `team.members` (v3.1.0) or the `team` list itself (v3.0.x).
    public let members: [TeamMember]
    /// `schema`: the objects the contract describes.
    public let schemaObjects: [SchemaObject]
    /// `servers`, as written.
    public let servers: [JSONValue]
    /// `customProperties` as a dictionary (the first entry of a repeated name wins).
    public let customProperties: [String: JSONValue]
    let customPropertyEntries: [CustomProperty]

    /// Reads `json` under the ODCS standard's rules, reporting every problem at once. When the
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
        reader.declaredVersion = StandardVersion(.odcs, apiVersion: json["apiVersion"]?.stringValue)
        let root = reader.object(json, shape: ODCSShapes.contract, at: .root) ?? JSONObject()
        reader.contextAndSynonyms(in: root, at: .root)
        let customProperties = reader.customProperties(in: root, shape: ODCSShapes.customProperty, at: .root)
        let servers = reader.objects("servers", in: root, shape: ODCSShapes.server, at: .root).map { JSONValue.object($0.object) }
        let schemaObjects = reader.objects("schema", in: root, shape: ODCSShapes.schemaObject, at: .root).compactMap { entry in
            SchemaObject(object: entry.object, at: entry.pointer, reader: &reader)
        }
        var teamName: String?
        var members: [TeamMember] = []
        if let team = reader.nestedObject("team", in: root, shape: ODCSShapes.team, at: .root) {
            teamName = team["name"]?.stringValue
            members = reader.objects("members", in: team, shape: ODCSShapes.member, at: .root / "team")
                .compactMap { TeamMember(object: $0.object) }
        } else if case .array? = root["team"] {
            members = reader.objects("team", in: root, shape: ODCSShapes.member, at: .root).compactMap { TeamMember(object: $0.object) }
        }
        self.json = json
        self.apiVersion = root["apiVersion"]?.stringValue ?? ""
        self.id = root["id"]?.stringValue ?? ""
        self.name = root["name"]?.stringValue
        self.versionText = root["version"]?.stringValue ?? ""
        self.version = SemanticVersion(versionText)
        self.domain = root["domain"]?.stringValue
        self.statusText = root["status"]?.stringValue ?? ""
        self.status = LifecycleStatus(rawValue: statusText)
        self.teamName = teamName
        self.members = members
        self.schemaObjects = schemaObjects
        self.servers = servers
        self.customPropertyEntries = customProperties
        self.customProperties = CustomProperty.dictionary(customProperties)
    }

    /// The registry hint `customProperties.compatibility` (a mode name), when it is a string.
    public var compatibility: String? { customProperties["compatibility"]?.stringValue }

    /// This contract version as `id@version`, when the version is SemVer.
    public var reference: ContractReference? {
        version.map { _ in ContractReference(id: id, version: versionText) }
    }

    /// The contract's team as a ``Team``, when it has a name.
    public var team: Team? { teamName.map { Team(name: $0, members: members) } }
}
