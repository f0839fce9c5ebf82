import JSON
import MeshModel

/// Creates or updates a domain and its teams. New domains need an admin; changes need an owner
/// of one of the domain's current teams. A team may not move between domains, and a team that
/// still owns products or contracts may not be dropped.
struct ApplyDomain {
    let domain: DomainDocument
    let submission: DocumentSubmission
    let encoded: EncodedDocument

    func execute(_ store: RegistryStore, actor: Principal) throws -> WriteResult {
        let ownership = Ownership(store: store, actor: actor)
        let currentTeams = try store.teams(ofDomain: domain.name)
        let exists = try store.domainExists(domain.name)
        if !exists, !actor.isAdmin {
            throw RegistryError(.forbidden, "\(actor) may not create the domain \(domain.name): creating domains needs a platform admin.")
        }
        if exists, !(try currentTeams.contains { try ownership.isOwner(of: $0) }) {
            throw RegistryError(.forbidden, "\(actor) may not change the domain \(domain.name): it needs an owner of one of its teams (\(currentTeams.joined(separator: ", "))) or an admin.")
        }
        try checkTeams(store, currentTeams: currentTeams)
        if let latest = try store.currentRevision(.domain, domain.name), latest.digest == encoded.digest {
            return WriteResult(latest, change: .unchanged)
        }
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
