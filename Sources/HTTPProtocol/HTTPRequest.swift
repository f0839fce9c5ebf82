/// A complete request: its head and the whole body, with helpers for the target's parts.
public struct HTTPRequest: Sendable, Hashable {
    public var head: HTTPRequestHead
    public var body: [UInt8]
    /// The client's IP address as the server saw it, when the request came over a socket.
    public var remoteAddress: String?
    /// Whether the request came over TLS (https), e.g. for cookies marked `Secure`.
    public var isSecure: Bool

    public init(head: HTTPRequestHead, body: [UInt8] = [], remoteAddress: String? = nil, isSecure: Bool = false) {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
        self.isSecure = isSecure
    }

    public var method: HTTPMethod { head.method }
    public var headers: HTTPHeaders { head.headers }

    /// The path part of the target, still percent-encoded; `*` for `OPTIONS *`.
    ///
    /// For an absolute-form target (RFC 9112 §3.2.2) the scheme and authority are dropped.
    public var rawPath: Substring {
        var target = Substring(head.target)
        if target.utf8.first != UInt8(ascii: "/"), target != "*", let schemeEnd = target.firstRange(of: "://") {
            let authorityAndPath = target[schemeEnd.upperBound...]
            target = authorityAndPath.firstIndex(where: { $0 == "/" || $0 == "?" }).map { authorityAndPath[$0...] } ?? ""
            if !target.hasPrefix("/") { target = "/" + target }
        }
        // Over contiguous bytes: stepping `target.utf8`'s indices costs several times more per byte.
        let length = target.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        } ?? target.utf8.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }.count
        return target[..<target.utf8.index(target.startIndex, offsetBy: length)]
    }

    /// The raw query (after `?`, before `#`), or nil when the target has none.
    public var rawQuery: Substring? {
        guard let questionMark = head.target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let query = head.target[head.target.utf8.index(after: questionMark)...]
        return query[..<(query.utf8.firstIndex(of: UInt8(ascii: "#")) ?? query.endIndex)]
    }

    /// The percent-decoded path; invalid escapes are kept as written.
    public var path: String { PercentDecoding.decode(rawPath, plusIsSpace: false) }

    /// The query's `name=value` pairs in order, percent-decoded with `+` read as a space.
    public var queryItems: [(name: String, value: String)] {
        rawQuery.map(Self.urlEncodedPairs) ?? []
    }

    /// The `name=value` pairs of an `application/x-www-form-urlencoded` body (an HTML form's post).
    public var formItems: [(name: String, value: String)] {
        Self.urlEncodedPairs(Substring(decoding: body, as: UTF8.self))
    }

    /// `a=1&b=2`, percent-decoded with `+` read as a space (the WHATWG URL standard's urlencoded parser).
    static func urlEncodedPairs(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? parts[1] : ""
            return (PercentDecoding.decode(parts[0], plusIsSpace: true), PercentDecoding.decode(value, plusIsSpace: true))
        }
    }

    /// The first value of a query parameter, decoded, or nil.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
