import Crypto
import FoundationEssentials

/// A web UI session just opened: the cookie's secret and the CSRF token its pages send with writes.
public struct UISession: Sendable, Hashable {
    /// The cookie value; only its SHA-256 is stored.
    public var secret: String
    public var principal: Principal
    /// How long the cookie lives, in seconds.
    public var lifetime: Int

    /// The token a page must send in `X-CSRF-Token` with a write, derived from the secret.
    public var csrfToken: String { Self.csrfToken(forSecret: secret) }

    /// HMAC-SHA256 of a fixed label under the session's secret: only a holder of the cookie's
    /// value can compute it, and nothing more is stored (OWASP's HMAC synchronizer token).
    public static func csrfToken(forSecret secret: String) -> String {
        hex(HMACSHA256.authenticationCode(key: Array(secret.utf8), message: Array("meshreg-ui-csrf".utf8)))
    }

    /// Whether `presented` is the CSRF token of `secret`, compared in constant time.
    public static func acceptsCSRFToken(_ presented: String, forSecret secret: String) -> Bool {
        let expected = Array(csrfToken(forSecret: secret).utf8)
        let given = Array(presented.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Registry {
    /// Sessions last eight hours, a working day.
    public static let sessionLifetime = 8 * 3_600

    /// Exchanges a valid API token for a new session bound to it (revoking the token ends the
    /// session); nil for an unknown or revoked token. See docs/ARCHITECTURE.md, "Web UI".
    public func openSession(token: String) throws(RegistryError) -> UISession? {
        guard token.utf8.count <= 256, let principal = try authenticate(token: token) else { return nil }
        let secret = hex(SecureRandom.bytes(32))
        let expiresAt = Timestamp.string(from: Date().addingTimeInterval(TimeInterval(Self.sessionLifetime)))
        let opened: Bool = try write { store in
            try store.deleteExpiredSessions()
            guard let tokenID = try store.validTokenID(hash: SHA256.hexDigest(token)) else { return false }
            try store.insertSession(hash: SHA256.hexDigest(secret), tokenID: tokenID, expiresAt: expiresAt)
            return true
        }
        return opened ? UISession(secret: secret, principal: principal, lifetime: Self.sessionLifetime) : nil
    }

    /// The principal of a live session, or nil when it is unknown, expired, ended or its token revoked.
    public func sessionPrincipal(secret: String) throws(RegistryError) -> Principal? {
        guard secret.utf8.count <= 128 else { return nil }
        return try read { store in try store.sessionPrincipal(hash: SHA256.hexDigest(secret)) }
    }

    /// Ends a session server-side; ending an unknown one is harmless.
    public func closeSession(secret: String) throws(RegistryError) {
        try write { store in try store.deleteSession(hash: SHA256.hexDigest(secret)) }
    }
}
