import JSON

/// A member of a team: a username and a free-text role (ODPS/ODCS `TeamMember`, meshreg `Domain`).
public struct TeamMember: Sendable, Hashable {
    /// The user's username or email.
    public var username: String
    /// The role, e.g. `owner` or `data steward`; the standards leave it optional.
    public var role: String?

    /// Creates a member.
    public init(username: String, role: String?) {
        self.username = username
        self.role = role
    }

    /// True when the role is `owner`, in any letter case; a product's team needs at least one.
    public var isOwner: Bool { role?.lowercased() == "owner" }

    /// Reads a member from an object already checked against its shape; nil without a string `username`.
    init?(object: JSONObject) {
        guard let username = object["username"]?.stringValue else { return nil }
        self.init(username: username, role: object["role"]?.stringValue)
    }
}
