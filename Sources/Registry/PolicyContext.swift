import JSON
import MeshModel
import Policy

/// The context variables of a policy decision (see `PolicyInput`), read from the store: who acts, who
/// reads what a product publishes, and where its inputs come from.
struct PolicyContext {
    let store: RegistryStore
    let actor: Principal

    /// `{username, teams, roles, admin}`: a user's teams and roles from the domain files; a team
    /// token stands for its team.
    func actorJSON() throws -> JSONValue {
        var teams: [String] = []
        var roles: [String] = []
        if let username = actor.username {
            for membership in try store.memberships(of: username) {
                teams.append(membership.team)
                roles.append(membership.role)
            }
        }
        if let team = actor.team { teams.append(team) }
        return ["username": actor.username.map(JSONValue.string) ?? .string(actor.description),
                "teams": .array(teams.map(JSONValue.string)), "roles": .array(Array(Set(roles)).sorted().map(JSONValue.string)),
                "admin": .bool(actor.isAdmin)]
    }

    /// The products (other than `excluding`) whose input ports read any of `contracts`:
    /// `[{id, domain, team, status}]`.
    func consumers(of contracts: [ContractReference], excluding: String? = nil) throws -> JSONValue {
        var seen = Set<String>()
        var consumers: [JSONValue] = []
        for contract in contracts {
            for consumer in try store.consumers(of: contract, excluding: excluding) where seen.insert(consumer.id).inserted {
                consumers.append(["id": .string(consumer.id), "domain": .string(consumer.domain),
                                  "team": .string(consumer.team), "status": .string(consumer.status)])
            }
        }
        return .array(consumers)
    }

    /// The product's input ports with the classification of the output port that feeds each:
    /// `[{name, contractId, version, external, classification?}]`.
    func inputs(of product: DataProduct) throws -> JSONValue {
        .array(try product.inputPorts.map { port in
            var object: JSONObject = ["name": .string(port.name), "contractId": .string(port.contractId),
                                      "version": .string(port.version), "external": .bool(port.isExternal)]
            if !port.isExternal, let classification = try classification(ofPortPublishing: port.reference) {
                object["classification"] = classification
            }
            return .object(object)
        })
    }

    /// The `classification` custom property of the output port that publishes `contract`.
    private func classification(ofPortPublishing contract: ContractReference) throws -> JSONValue? {
        guard let publisher = try store.outputPort(publishing: contract), let producer = try store.currentDocument(.product, publisher.product)
        else { return nil }
        let port = producer["outputPorts"]?.arrayValue?.first { $0["name"]?.stringValue == publisher.port && $0["version"]?.stringValue == contract.version }
        return port.flatMap { Self.customProperty("classification", of: $0) }
    }

    /// The value of an ODPS/ODCS `customProperties` entry.
    static func customProperty(_ name: String, of object: JSONValue) -> JSONValue? {
        object["customProperties"]?.arrayValue?.first { $0["property"]?.stringValue == name }?["value"]
    }
}

extension Decision {
    /// Throws `policy-violation` with every violation when the decision denies; otherwise returns
    /// the warnings to hand back to the caller.
    func enforce(on target: String) throws(RegistryError) -> [PolicyViolation] {
        switch outcome {
        case .denied:
            let denials = violations.filter { $0.severity == .deny }
            let first = denials.first.map { "\($0.policy): \($0.message)" } ?? ""
            throw RegistryError(.policyViolation, "\(target) is refused by policy — \(first)\(denials.count > 1 ? " (and \(denials.count - 1) more)" : "")",
                                details: ["violations": .array(violations.map(\.json)), "decision": json])
        case .warned:
            return violations.filter { $0.severity == .warn }
        case .allowed:
            return []
        }
    }
}
