import FoundationEssentials
import HTTPProtocol
import Registry

/// Finds the principal behind a request's credentials: `Authorization: Bearer <token>`, HTTP
/// Basic with the token as password (what Kafka serializers send; the username is ignored), or
/// the web UI's session cookie, which a write must back with the session's `X-CSRF-Token`.
struct Authenticator: Sendable {
    let registry: Registry
    /// Reads without credentials act as an anonymous principal (`serve --ui-anonymous-read`).
    let allowsAnonymousRead: Bool

    enum Outcome {
        case authenticated(Principal)
        case missing
        case invalid
        /// A session cookie on a write without the session's CSRF token.
        case csrfRefused
    }

    /// The outcome; with `fromMemoryOnly` (on an event loop) nil when it needs the database:
    /// a token the token cache does not hold, or a session cookie.
    func authenticate(_ request: HTTPRequest, fromMemoryOnly: Bool = false) throws(RegistryError) -> Outcome? {
        if let header = request.headers["Authorization"] {
            guard let token = Self.token(from: header) else { return .invalid }
            if fromMemoryOnly { return registry.cachedPrincipal(forToken: token).map(Outcome.authenticated) }
            return try registry.authenticate(token: token).map(Outcome.authenticated) ?? .invalid
        }
        if let secret = SessionCookie.secret(in: request) {
            if fromMemoryOnly { return nil }
            guard let principal = try registry.sessionPrincipal(secret: secret) else { return .invalid }
            if SessionCookie.needsCSRFToken(request.method) {
                guard let presented = request.headers["X-CSRF-Token"], UISession.acceptsCSRFToken(presented, forSecret: secret) else {
                    return .csrfRefused
                }
            }
            return .authenticated(principal)
        }
        if allowsAnonymousRead, !SessionCookie.needsCSRFToken(request.method) { return .authenticated(Principal()) }
        return .missing
    }

    static func token(from header: String) -> String? {
        guard let space = header.utf8.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        let credentials = String(header[header.utf8.index(after: space)...].trimmingOptionalWhitespace)
        // The scheme is case-insensitive (RFC 9110 §11.1): compared as header names are, without a lowercased copy.
        let scheme = String(header[..<space])
        if HTTPHeaders.namesMatch(scheme, "bearer") {
            return credentials.isEmpty ? nil : credentials
        } else if HTTPHeaders.namesMatch(scheme, "basic") {
            guard let data = Data(base64Encoded: credentials), let decoded = String(data: data, encoding: .utf8),
                let colon = decoded.firstIndex(of: ":")
            else { return nil }
            let password = String(decoded[decoded.index(after: colon)...])
            let user = String(decoded[..<colon])
            return password.isEmpty ? (user.isEmpty ? nil : user) : password
        }
        return nil
    }

    /// The challenge sent with 401: both schemes the API accepts.
    static let challenges = [#"Bearer realm="meshreg""#, #"Basic realm="meshreg", charset="UTF-8""#]
}
