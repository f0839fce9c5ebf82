import JSON
import SQL

/// A stored revision of a document with the registry's envelope: registry state lives beside the
/// document, never inside it, because ODPS and ODCS refuse unknown top-level keys.
public struct StoredDocument: Sendable, Hashable {
    public var kind: WriteResult.Kind
    public var key: String
    public var revision: Int
    /// The document as stored: compact JSON in the order it was registered.
    public var documentText: String
    public var digest: String
    public var mediaType: String
    public var registeredAt: String
    public var registeredBy: String

    /// The document, parsed.
    public var document: JSONValue { (try? JSONParser.parse(documentText)) ?? .null }

    /// The registry's fields about the document, in order: kind, key, revision, registeredAt, registeredBy, digest.
    public var metadata: [(key: String, value: JSONValue)] {
        [("kind", .string(kind.rawValue)), ("key", .string(key)), ("revision", .integer(Int64(revision))),
         ("registeredAt", .string(registeredAt)), ("registeredBy", .string(registeredBy)), ("digest", .string(digest))]
    }

    /// The metadata plus the document under `document`.
    public var envelope: JSONValue {
        var envelope = JSONObject(metadata)
        envelope["document"] = document
        return .object(envelope)
    }
}

extension StoredDocument {
    init(kind: WriteResult.Kind, row: Row) {
        self.kind = kind
        key = row.string("key") ?? ""
        revision = row.int("revision") ?? 0
        documentText = row.string("document") ?? "null"
        digest = row.string("digest") ?? ""
        mediaType = row.string("media_type") ?? ""
        registeredAt = row.string("registered_at") ?? ""
        registeredBy = row.string("registered_by") ?? ""
    }
}

/// One line of a product listing.
public struct ProductSummary: Sendable, Hashable {
    public var id: String
    public var name: String
    public var domain: String
    public var team: String
    public var version: String
    public var status: String
    public var revision: Int
    public var updatedAt: String
    /// ODPS v1.1.0 `deprecated` on the product.
    public var deprecated: Bool
    /// The output ports marked `deprecated: true`, as `name@version`.
    public var deprecatedPorts: [String]

    public var json: JSONValue {
        ["id": .string(id), "name": .string(name), "domain": .string(domain), "team": .string(team),
         "version": .string(version), "status": .string(status), "revision": .integer(Int64(revision)), "updatedAt": .string(updatedAt),
         "deprecated": .bool(deprecated), "deprecatedPorts": .array(deprecatedPorts.map(JSONValue.string))]
    }
}

/// Filters and a cursor for listing products; results are ordered by id.
public struct ProductQuery: Sendable, Hashable {
    public var domain: String?
    public var status: String?
    public var team: String?
    /// Case-insensitive text found in the id, name, purpose, a tag or an owner's username.
    public var text: String?
    /// A classification one of the product's output ports has (`public`, `internal`, `restricted`, `pii`, …).
    public var classification: String?
    public var limit: Int
    /// The last id of the previous page.
    public var cursor: String?

    public init(domain: String? = nil, status: String? = nil, team: String? = nil, text: String? = nil, classification: String? = nil,
                limit: Int = 100, cursor: String? = nil) {
        self.domain = domain
        self.classification = classification
        self.status = status
        self.team = team
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }
}

public struct Page<Item: Sendable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    /// Pass as `cursor` to get the next page; nil on the last page.
    public var nextCursor: String?
}

/// A team and its members, as the domain file declares them.
public struct TeamSummary: Sendable, Hashable {
    public var name: String
    public var domain: String
    public var members: [(username: String, role: String)]

    public static func == (lhs: TeamSummary, rhs: TeamSummary) -> Bool {
        lhs.name == rhs.name && lhs.domain == rhs.domain && lhs.members.elementsEqual(rhs.members, by: ==)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public var json: JSONValue {
        ["name": .string(name), "domain": .string(domain),
         "members": .array(members.map { ["username": .string($0.username), "role": .string($0.role)] })]
    }
}

extension Registry {
    public func product(_ id: String) throws(RegistryError) -> StoredDocument {
        try current(.product, id, notFound: "no product \(id) is registered")
    }

    public func domain(_ name: String) throws(RegistryError) -> StoredDocument {
        try current(.domain, name, notFound: "no domain \(name) is registered")
    }

    public func contract(_ id: String, version: String) throws(RegistryError) -> StoredDocument {
        try current(.contract, RegistryStore.contractKey(id, version), notFound: "no contract \(id) version \(version) is published")
    }

    /// Every revision of a product, oldest first.
    public func productRevisions(_ id: String) throws(RegistryError) -> [StoredDocument] {
        let revisions = try read { store in try store.revisions(.product, id) }
        if revisions.isEmpty { throw RegistryError(.notFound, "no product \(id) is registered") }
        return revisions
    }

    /// The published versions of a contract, in SemVer order, with their status.
    public func contractVersions(_ id: String) throws(RegistryError) -> [(version: String, status: String)] {
        let versions = try read { store in try store.contractVersions(id) }
        if versions.isEmpty { throw RegistryError(.notFound, "no contract \(id) is published") }
        return versions
    }

    public func products(_ query: ProductQuery = ProductQuery()) throws(RegistryError) -> Page<ProductSummary> {
        let limit = max(1, min(query.limit, 1_000))
        let rows = try read { store in try store.productSummaries(query, limit: limit + 1) }
        let items = rows.prefix(limit)
        return Page(items: Array(items), nextCursor: rows.count > limit ? items.last?.id : nil)
    }

    /// Domain names with their teams.
    public func domains() throws(RegistryError) -> [(name: String, description: String?, teams: [String])] {
        try read { store in
            try store.domains().map { domain in (name: domain.name, description: domain.description, teams: try store.teams(ofDomain: domain.name)) }
        }
    }

    public func team(_ name: String) throws(RegistryError) -> TeamSummary {
        let team = try read { store -> TeamSummary? in
            guard let domain = try store.domain(ofTeam: name) else { return nil }
            let members = try store.members(ofTeam: name)
            return TeamSummary(name: name, domain: domain, members: members)
        }
        guard let team else { throw RegistryError(.notFound, "no team \(name) is registered") }
        return team
    }

    /// The current product from memory, or nil when it must be read from the database: what the
    /// event loop answers without blocking (docs/ARCHITECTURE.md, "Answers made on the loop").
    public func cachedProduct(_ id: String) -> StoredDocument? {
        currentRevisions?.document(.init(kind: .product, key: id))
    }

    private func current(_ kind: WriteResult.Kind, _ key: String, notFound: String) throws(RegistryError) -> StoredDocument {
        let cacheKey = CurrentRevisionCache.Key(kind: kind, key: key)
        let readCurrent = { () throws(RegistryError) -> StoredDocument? in
            try self.read(singleStatement: true) { store in try store.currentRevision(kind, key) }
        }
        let document = if let currentRevisions { try currentRevisions.document(cacheKey, orRead: readCurrent) } else { try readCurrent() }
        guard let document else { throw RegistryError(.notFound, notFound) }
        return document
    }
}

extension Registry {
    /// Counts for `/metrics` and readiness.
    public func statistics() throws(RegistryError) -> (products: Int, contractVersions: Int, databaseBytes: Int) {
        let counts = try read { store in (products: try store.count("products"), contracts: try store.count("contract_versions")) }
        do {
            return (counts.products, counts.contracts, try database.sizeInBytes())
        } catch {
            throw Self.registryError(error)
        }
    }
}

extension Registry {
    /// The teams of a domain with their members.
    public func domainTeams(_ domain: String) throws(RegistryError) -> [TeamSummary] {
        let names = try read { store in try store.teams(ofDomain: domain) }
        var teams: [TeamSummary] = []
        for name in names { teams.append(try team(name)) }
        return teams
    }
}
