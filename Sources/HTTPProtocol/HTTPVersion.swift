/// The protocol version from a request line (RFC 9112 §2.3).
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)

    /// Whether this version has HTTP/1.1 semantics (persistent connections, chunked, Host required).
    public var isAtLeastHTTP1_1: Bool { major > 1 || (major == 1 && minor >= 1) }

    public var description: String { "HTTP/\(major).\(minor)" }
}
