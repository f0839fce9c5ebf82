import HTTPProtocol
import Registry

/// The web UI's session cookie: reading it from a request and writing `Set-Cookie`.
/// See docs/ARCHITECTURE.md, "Web UI".
enum SessionCookie {
    static let name = "meshreg_session"

    /// The session secret the request's `Cookie` header carries, if any.
    static func secret(in request: HTTPRequest) -> String? {
        for header in request.headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingOptionalWhitespace == name {
                    let value = String(parts[1].trimmingOptionalWhitespace)
                    return value.isEmpty ? nil : value
                }
            }
        }
        return nil
    }

    /// `Set-Cookie` for a new session: HttpOnly, SameSite=Strict, path `/`, Secure when the
    /// request came over TLS (a proxy in front says so with `X-Forwarded-Proto: https`).
    static func setting(_ session: UISession, for request: HTTPRequest) -> String {
        attributes("\(name)=\(session.secret)", maxAge: session.lifetime, request: request)
    }

    /// `Set-Cookie` that makes the browser forget the session.
    static func clearing(for request: HTTPRequest) -> String {
        attributes("\(name)=", maxAge: 0, request: request)
    }

    private static func attributes(_ value: String, maxAge: Int, request: HTTPRequest) -> String {
        // Secure when the browser reached us over TLS: ours, or a proxy's that says so.
        let overTLS = request.isSecure || request.headers["X-Forwarded-Proto"]?.lowercased() == "https"
        let secure = overTLS ? "; Secure" : ""
        return "\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict\(secure)"
    }

    /// Whether `method` changes state, so a session must prove it with its CSRF token.
    static func needsCSRFToken(_ method: HTTPMethod) -> Bool {
        ![.get, .head, .options].contains(method)
    }
}
