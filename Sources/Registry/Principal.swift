/// Who is acting: a person (member of teams through the domain files), a whole team (a team
/// token), or either with platform-admin rights.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
    public var username: String?
    public var team: String?
    public var isAdmin: Bool

    public init(username: String? = nil, team: String? = nil, isAdmin: Bool = false) {
        self.username = username
        self.team = team
        self.isAdmin = isAdmin
    }

    public static func user(_ username: String, isAdmin: Bool = false) -> Principal {
        Principal(username: username, isAdmin: isAdmin)
    }

    public static func team(_ name: String, isAdmin: Bool = false) -> Principal {
        Principal(team: name, isAdmin: isAdmin)
    }

    /// The acting identity for local CLI writes when `--as` is not given.
    public static let localAdmin = Principal(username: "local-admin", isAdmin: true)

    /// How the principal appears in the audit log: `alice`, or `team:orders-core`.
    public var description: String {
        if let username { return username }
        if let team { return "team:\(team)" }
        return "anonymous"
    }
}
