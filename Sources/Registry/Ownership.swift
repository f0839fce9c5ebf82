/// The ownership rule, enforced in code before and independently of policies: only
/// members of the owning team, the team's own token, or platform admins may change what it owns.
/// See docs/ARCHITECTURE.md, "Ownership".
struct Ownership {
    let store: RegistryStore
    let actor: Principal

    func isMember(of team: String) throws -> Bool {
        if actor.isAdmin || actor.team == team { return true }
        guard let username = actor.username else { return false }
        return try store.role(of: username, in: team) != nil
    }

    func isOwner(of team: String) throws -> Bool {
        if actor.isAdmin || actor.team == team { return true }
        guard let username = actor.username else { return false }
        return try store.role(of: username, in: team)?.lowercased() == "owner"
    }

    /// Throws `forbidden` unless the actor may change what `team` owns.
    func requireMember(of team: String, toChange target: String) throws {
        guard try isMember(of: team) else {
            throw RegistryError(.forbidden, "\(actor) may not change \(target): it belongs to team \(team), and \(actor) is neither a member nor an admin. Ask a member of \(team) to make the change.")
        }
    }
}
