import Crypto
import JSON

/// A freshly issued API token: the secret is shown once and only its SHA-256 is stored.
public struct IssuedToken: Sendable, Hashable {
    /// The public id, for listing and revoking (`tok_1a2b3c4d`).
    public var id: String
    /// The secret to give the client: `meshreg_<id>_<random>`.
    public var token: String
    public var principal: Principal
}

/// A stored token, without its secret.
public struct TokenSummary: Sendable, Hashable {
    public var id: String
    public var principal: Principal
    public var description: String
    public var createdAt: String
    public var revokedAt: String?

    public var json: JSONValue {
        ["id": .string(id), "username": principal.username.map(JSONValue.string) ?? .null,
         "team": principal.team.map(JSONValue.string) ?? .null, "admin": .bool(principal.isAdmin),
         "description": .string(description), "createdAt": .string(createdAt),
         "revokedAt": revokedAt.map(JSONValue.string) ?? .null]
    }
}

extension Registry {
    /// Issues a token bound to a user or a team; only its hash is stored.
    public func issueToken(for principal: Principal, description: String = "", actor: Principal) throws(RegistryError) -> IssuedToken {
        guard (principal.username == nil) != (principal.team == nil) else {
            throw RegistryError(.invalidDocument, "a token is bound to exactly one user or one team")
        }
        guard actor.isAdmin else {
            throw RegistryError(.forbidden, "\(actor) may not issue tokens: that needs a platform admin")
        }
        let issued = Self.newToken(for: principal)
        try write { store in
            if let team = principal.team, try store.domain(ofTeam: team) == nil {
                throw RegistryError(.unresolvedReference, "no team \(team) is registered; apply its domain first")
            }
            try Self.store(issued, description: description, store: store, actor: actor)
        }
        return issued
    }

    /// Issues the first admin token when no valid one exists, and nil when one does. The check
    /// and the insert are one write, which on PostgreSQL holds the registry's write lock, so
    /// replicas starting together on an empty database mint one token between them.
    public func issueFirstAdminToken(description: String) throws(RegistryError) -> IssuedToken? {
        let issued = Self.newToken(for: .user("admin", isAdmin: true))
        return try write { store in
            guard try !store.hasAdminToken() else { return nil }
            try Self.store(issued, description: description, store: store, actor: .localAdmin)
            return issued
        }
    }

    /// A fresh token for `principal`: a short public id and a secret of 24 random bytes.
    private static func newToken(for principal: Principal) -> IssuedToken {
        let id = "tok_" + hex(SecureRandom.bytes(4))
        return IssuedToken(id: id, token: "meshreg_\(id.dropFirst(4))_\(hex(SecureRandom.bytes(24)))", principal: principal)
    }

    /// Stores the token's hash, never the token, and audits the issue.
    private static func store(_ issued: IssuedToken, description: String, store: RegistryStore, actor: Principal) throws {
        try store.insertToken(id: issued.id, digest: SHA256.hexDigest(issued.token), principal: issued.principal, description: description)
        try store.audit("token.issue", .token, issued.id, revision: nil, domain: nil, actor: actor,
                        detail: ["subject": .string(issued.principal.description), "admin": .bool(issued.principal.isAdmin)])
    }

    /// The principal a token stands for, or nil for an unknown or revoked token.
    public func authenticate(token: String) throws(RegistryError) -> Principal? {
        guard token.utf8.count <= 256 else { return nil }
        return try tokenCache.value(for: token) { () throws(RegistryError) in
            let digest = SHA256.hexDigest(token)
            return try read(singleStatement: true) { store in try store.principal(forTokenDigest: digest) }
        }
    }

    /// The principal of a token this process authenticated within the token cache's lifetime,
    /// from memory only (no database read, no waiting lock); nil means "ask `authenticate`".
    public func cachedPrincipal(forToken token: String) -> Principal? {
        guard token.utf8.count <= 256 else { return nil }
        return tokenCache.value(for: token)
    }

    public func tokens() throws(RegistryError) -> [TokenSummary] {
        try read { store in try store.tokenSummaries() }
    }

    /// Revokes a token by id; revoking twice is harmless.
    public func revokeToken(_ id: String, actor: Principal) throws(RegistryError) {
        guard actor.isAdmin else { throw RegistryError(.forbidden, "\(actor) may not revoke tokens: that needs a platform admin") }
        try write { store in
            guard try store.revokeToken(id) else {
                throw RegistryError(.notFound, "no token \(id); `meshreg token list` shows the ids")
            }
            try store.audit("token.revoke", .token, id, revision: nil, domain: nil, actor: actor)
        }
        tokenCache.removeAll()
    }
}
