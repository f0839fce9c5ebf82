/// A named team and its members (a `Domain`'s teams; the ODPS/ODCS `team` object).
public struct Team: Sendable, Hashable {
    /// The team's name, unique within its domain.
    public var name: String
    /// The members, in document order.
    public var members: [TeamMember]

    /// Creates a team.
    public init(name: String, members: [TeamMember]) {
        self.name = name
        self.members = members
    }

    /// The usernames of the members whose role is `owner`.
    public var owners: [String] { members.filter(\.isOwner).map(\.username) }

    /// True when `username` is a member.
    public func contains(_ username: String) -> Bool { members.contains { $0.username == username } }
}
