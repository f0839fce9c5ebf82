/// Headers on every web UI answer: a strict Content-Security-Policy (scripts and styles only from
/// our own origin, no inline code, no eval, no framing), no MIME sniffing, no referrer to other sites (a referrer policy of no-referrer would make Chromium send `Origin: null` with our own forms).
public enum SecurityHeaders {
    public static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
        "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    public static let fields: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
}
