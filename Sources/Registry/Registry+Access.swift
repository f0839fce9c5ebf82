import Crypto
import FoundationEssentials
import JSON
import MeshModel
import Policy

/// Access requests and grants: a consumer team asks for an output port with a purpose;
/// the owning team approves or rejects; grants can expire and be revoked. Policies decide on
/// `access.request` and `access.approve`; requests for public ports are granted at once.
extension Registry {
    /// Files a request as a member of the consumer team.
    public func requestAccess(_ submission: AccessRequestSubmission, actor: Principal) throws(RegistryError) -> (request: AccessRequest, warnings: [PolicyViolation]) {
        try writeAudited(action: "access.request", target: "\(submission.product)/\(submission.port)", actor: actor) { store in
            guard try store.domain(ofTeam: submission.team) != nil else {
                throw RegistryError(.unresolvedReference, "no team \(submission.team) is registered; name the consumer team as in its domain file")
            }
            try Ownership(store: store, actor: actor).requireMember(of: submission.team, toChange: "the access requests of team \(submission.team)")
            guard submission.purpose.count <= 2_000 else { throw RegistryError(.invalidDocument, "the purpose is longer than 2,000 characters") }
            let target = try AccessTarget(store: store, product: submission.product, port: submission.port, version: submission.portVersion)
            let expiresAt = try submission.expires.map(Self.expiry)
            if let expiresAt, expiresAt <= store.now {
                throw RegistryError(.invalidDocument, "the expiry \(submission.expires ?? "") is in the past; give a future date")
            }
            var request = AccessRequest(
                id: "ar_" + hex(SecureRandom.bytes(6)), product: submission.product, port: target.portName, portVersion: target.portVersion,
                team: submission.team, purpose: submission.purpose, requestedBy: actor.description, requestedAt: store.now,
                expiresAt: expiresAt, status: .pending)
            let decision = configuration.policies.evaluate(event: .accessRequest, input: try target.policyInput(request, store: store, actor: actor))
            let warnings = try decision.enforce(on: "the access request for \(submission.product)/\(target.portName)")
            if target.classification == "public" {
                request.status = .approved
                request.decidedBy = "registry (public port)"
                request.decidedAt = store.now
            }
            try store.insertAccessRequest(request)
            try store.refreshLineage(forGrant: request.id)
            try store.audit("access.request", .access, request.id, revision: nil, domain: target.domain, actor: actor,
                            outcome: decision.outcome == .warned ? .warned : .allowed,
                            detail: ["request": request.json, "decision": decision.json])
            return (request, warnings)
        }
    }

    /// Approves or rejects a pending request, as a member of the owning team.
    public func decideAccess(_ id: String, approve: Bool, note: String? = nil, actor: Principal) throws(RegistryError) -> AccessRequest {
        try writeAudited(action: approve ? "access.approve" : "access.reject", target: id, actor: actor) { store in
            guard let request = try store.accessRequest(id) else { throw RegistryError(.notFound, "no access request \(id)") }
            let target = try AccessTarget(store: store, product: request.product, port: request.port, version: request.portVersion)
            try Ownership(store: store, actor: actor).requireMember(of: target.team, toChange: "access to \(request.product)/\(request.port)")
            guard request.status == .pending else {
                throw RegistryError(.conflict, "the request \(id) is \(request.status.rawValue), not pending; only pending requests are approved or rejected")
            }
            var detail: JSONObject = ["note": note.map(JSONValue.string) ?? .null]
            if approve {
                let decision = configuration.policies.evaluate(event: .accessApprove, input: try target.policyInput(request, store: store, actor: actor))
                _ = try decision.enforce(on: "approving \(id)")
                detail["decision"] = decision.json
            }
            try store.decideAccessRequest(id, status: approve ? .approved : .rejected, by: actor, note: note)
            try store.refreshLineage(forGrant: id)
            try store.audit(approve ? "access.approve" : "access.reject", .access, id, revision: nil, domain: target.domain, actor: actor, detail: .object(detail))
            return try store.accessRequest(id) ?? request
        }
    }

    /// Revokes a grant or withdraws a request: the owning team or the consumer team may.
    public func revokeAccess(_ id: String, note: String? = nil, actor: Principal) throws(RegistryError) -> AccessRequest {
        try writeAudited(action: "access.revoke", target: id, actor: actor) { store in
            guard let request = try store.accessRequest(id) else { throw RegistryError(.notFound, "no access request \(id)") }
            let target = try AccessTarget(store: store, product: request.product, port: request.port, version: request.portVersion)
            let ownership = Ownership(store: store, actor: actor)
            if try !ownership.isMember(of: request.team) {
                try ownership.requireMember(of: target.team, toChange: "access to \(request.product)/\(request.port)")
            }
            guard request.status == .pending || request.status == .approved else {
                throw RegistryError(.conflict, "the request \(id) is already \(request.status.rawValue)")
            }
            try store.decideAccessRequest(id, status: .revoked, by: actor, note: note)
            try store.refreshLineage(forGrant: id)
            try store.audit("access.revoke", .access, id, revision: nil, domain: target.domain, actor: actor, detail: ["note": note.map(JSONValue.string) ?? .null])
            return try store.accessRequest(id) ?? request
        }
    }

    public func accessRequest(_ id: String) throws(RegistryError) -> AccessRequest {
        guard let request = try read({ store in try store.accessRequest(id) }) else { throw RegistryError(.notFound, "no access request \(id)") }
        return request
    }

    /// Requests, newest first; `status` filters on the stored status (`approved` includes expired grants).
    public func accessRequests(product: String? = nil, team: String? = nil, status: String? = nil, limit: Int = 100) throws(RegistryError) -> [AccessRequest] {
        try read { store in try store.accessRequests(product: product, team: team, status: status, limit: max(1, min(limit, 1_000))) }
    }

    /// `YYYY-MM-DD` (midnight UTC) or RFC 3339, as the store's timestamp text.
    static func expiry(_ text: String) throws(RegistryError) -> String {
        let day = Date.ISO8601FormatStyle().year().month().day()
        let date = text.count == 10 ? try? day.parse(text) : (try? Date.ISO8601FormatStyle().parse(text)) ?? Timestamp.date(from: text)
        guard let date else {
            throw RegistryError(.invalidDocument, "the expiry '\(text)' is neither YYYY-MM-DD nor an RFC 3339 time like 2027-01-31T00:00:00Z")
        }
        return Timestamp.string(from: date)
    }
}

/// The output port an access request is about, with what policies need to know of it.
struct AccessTarget {
    let product: JSONValue
    let productID: String
    let portName: String
    let portVersion: String
    let port: JSONValue
    let domain: String
    let team: String
    let classification: String?
    let contractID: String?

    init(store: RegistryStore, product productID: String, port name: String, version: String?) throws {
        guard let record = try store.productRecord(productID), let product = try store.currentDocument(.product, productID) else {
            throw RegistryError(.notFound, "no product \(productID) is registered")
        }
        guard record.status != "retired" else { throw RegistryError(.conflict, "the product \(productID) is retired; nobody can be granted access to it") }
        let ports = (product["outputPorts"]?.arrayValue ?? []).filter { $0["name"]?.stringValue == name }
        let chosen: JSONValue?
        if let version {
            chosen = ports.first { $0["version"]?.stringValue == version }
        } else {
            chosen = ports.max { Self.version(of: $0) < Self.version(of: $1) }
        }
        guard let port = chosen else {
            let names = Set((product["outputPorts"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }).sorted()
            throw RegistryError(.notFound, "the product \(productID) has no output port \(name)\(version.map { " version \($0)" } ?? ""); its ports: \(names.joined(separator: ", "))")
        }
        self.product = product
        self.productID = productID
        portName = name
        portVersion = port["version"]?.stringValue ?? ""
        self.port = port
        domain = record.domain
        team = record.team
        classification = PolicyContext.customProperty("classification", of: port)?.stringValue
        contractID = port["contractId"]?.stringValue
    }

    private static func version(of port: JSONValue) -> SemanticVersion {
        SemanticVersion(port["version"]?.stringValue ?? "") ?? SemanticVersion(major: 0, minor: 0, patch: 0)
    }

    /// `port` (with classification, domain, team, product), `request`, `product`, `contract`, `actor`, `now`.
    func policyInput(_ request: AccessRequest, store: RegistryStore, actor: Principal) throws -> PolicyInput {
        guard case .object(var portObject) = port else { return PolicyInput() }
        portObject["classification"] = classification.map(JSONValue.string) ?? .null
        portObject["domain"] = .string(domain)
        portObject["team"] = .string(team)
        portObject["product"] = .string(productID)
        var requestObject: JSONObject = ["purpose": .string(request.purpose), "team": .string(request.team),
                                         "domain": .string(try store.domain(ofTeam: request.team) ?? ""),
                                         "username": .string(request.requestedBy), "status": .string(request.status.rawValue)]
        requestObject["expires"] = request.expiresAt.map(JSONValue.string)
        var input = PolicyInput([
            .actor: try PolicyContext(store: store, actor: actor).actorJSON(), .port: .object(portObject), .request: .object(requestObject),
            .product: product, .now: .string(store.now),
        ])
        if let contractID { input[.contract] = try store.currentDocument(.contract, RegistryStore.contractKey(contractID, portVersion)) }
        return input
    }
}
