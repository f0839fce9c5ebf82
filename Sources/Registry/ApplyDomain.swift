import JSON
import MeshModel

/// Creates or updates a domain and its teams. Both need an admin: a domain file names every
/// team's members, so an owner of one team who could rewrite it could take over the others. A
/// domain file that matches the registered revision is a no-op anyone may send, so a team's
/// repository can carry its domain file through `apply`. A team may not move between domains,
/// and a team that still owns products or contracts may not be dropped.
struct ApplyDomain {
    let domain: DomainDocument
    let submission: DocumentSubmission
    let encoded: EncodedDocument

    func execute(_ store: RegistryStore, actor: Principal) throws -> WriteResult {
        let exists = try store.domainExists(domain.name)
        if exists, let latest = try store.currentRevision(.domain, domain.name), latest.digest == encoded.digest {
            return WriteResult(latest, change: .unchanged)
        }
        guard actor.isAdmin else {
            throw RegistryError(.forbidden, exists
                ? "\(actor) may not change the domain \(domain.name): a domain file names every team's members, so changing it needs a platform admin."
                : "\(actor) may not create the domain \(domain.name): creating domains needs a platform admin.")
        }
        let currentTeams = try store.teams(ofDomain: domain.name)
        try checkTeams(store, currentTeams: currentTeams)
        let stored = try store.insertRevision(.domain, domain.name, document: encoded, original: submission.original,
                                              mediaType: submission.mediaType.rawValue, actor: actor)
        try store.upsertDomain(domain, revision: stored.revision)
        try store.replaceTeams(of: domain)
        try store.audit(exists ? "domain.update" : "domain.create", .domain, domain.name, revision: stored.revision, domain: domain.name, actor: actor)
        return WriteResult(stored, change: exists ? .updated : .created)
    }

    private func checkTeams(_ store: RegistryStore, currentTeams: [String]) throws {
        var issues: [ValidationIssue] = []
        for (index, team) in domain.teams.enumerated() {
            if let owner = try store.domain(ofTeam: team.name), owner != domain.name {
                issues.append(ValidationIssue(pointer: JSONPointer.root / "teams" / index / "name", code: "team-taken",
                                              message: "the team \(team.name) belongs to the domain \(owner); team names are unique across the mesh, pick another name"))
            }
        }
        if !issues.isEmpty {
            throw RegistryError(.conflict, "the domain \(domain.name) names teams of other domains", issues: submission.locate(issues))
        }
        let dropped = Set(currentTeams).subtracting(domain.teams.map(\.name))
        let stranded = try dropped.sorted().flatMap { try store.assets(ownedBy: $0) }
        if !stranded.isEmpty {
            throw RegistryError(.hasDependants, "the domain \(domain.name) drops teams (\(dropped.sorted().joined(separator: ", "))) that still own products or contracts; move or retire them first", dependants: stranded)
        }
    }
}
