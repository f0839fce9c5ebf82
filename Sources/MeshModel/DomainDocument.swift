import JSON

/// A meshreg `Domain` document: a domain's name and its teams.
public struct DomainDocument: Sendable, Hashable {
    /// The `apiVersion` a domain document declares.
    public static let apiVersion = "meshreg/v1"

    static let shape = ObjectShape(
        "a Domain document",
        fields: [
            "apiVersion": .oneOf([apiVersion]), "kind": .oneOf([DocumentKind.domain.rawValue]), "name": .string,
            "description": .string, "teams": .array,
        ],
        required: ["apiVersion", "kind", "name"])
    static let teamShape = ObjectShape("a Domain team", fields: ["name": .string, "members": .array], required: ["name"])
    static let memberShape = ObjectShape(
        "a Domain team member", fields: ["username": .string, "role": .string], required: ["username", "role"])

    /// The document as given.
    public let json: JSONValue
    /// The domain's name, a ``ResourceIdentifier``.
    public let name: String
    /// A sentence about the domain.
    public let description: String?
    /// The teams, in document order.
    public let teams: [Team]

    /// Reads and validates a `Domain` document: names are valid ids, team names and usernames within a team are unique.
    public init(json: JSONValue) throws(DocumentValidationError) {
        var reader = DocumentReader()
        let root = reader.object(json, shape: Self.shape, at: .root) ?? JSONObject()
        if let name = root["name"]?.stringValue { reader.requireIdentifier(name, at: .root / "name") }
        let teamEntries = reader.objects("teams", in: root, shape: Self.teamShape, at: .root)
        var teams: [Team] = []
        for entry in teamEntries {
            guard let teamName = entry.object["name"]?.stringValue else { continue }
            reader.requireIdentifier(teamName, at: entry.pointer / "name")
            let memberEntries = reader.objects("members", in: entry.object, shape: Self.memberShape, at: entry.pointer)
            reader.refuseDuplicates(
                memberEntries.compactMap { member in
                    member.object["username"]?.stringValue.map { (name: $0, pointer: member.pointer / "username") }
                }, "the username")
            teams.append(Team(name: teamName, members: memberEntries.compactMap { TeamMember(object: $0.object) }))
        }
        reader.refuseDuplicates(
            teamEntries.compactMap { team in team.object["name"]?.stringValue.map { (name: $0, pointer: team.pointer / "name") } },
            "the team name")
        try reader.throwIfAny(in: json)
        guard let name = root["name"]?.stringValue else { preconditionFailure("the Domain shape requires name as a string") }

        self.json = json
        self.name = name
        self.description = root["description"]?.stringValue
        self.teams = teams
    }

    /// The team called `name`, if the domain has one.
    public func team(named name: String) -> Team? { teams.first { $0.name == name } }
}
