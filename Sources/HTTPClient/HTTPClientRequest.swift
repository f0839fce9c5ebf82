import FoundationEssentials

/// One request for `HTTPClient`: an absolute http or https URL, headers and a body.
public struct HTTPClientRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, url: URL, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The scheme's parts the client needs, or why the URL cannot be sent to.
    func endpoint() throws(HTTPClientError) -> (host: String, port: Int, isEncrypted: Bool, target: String) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw HTTPClientError("\(url) is not an http:// or https:// URL") }
        guard let host = components.host.map(IPAddress.unbracketed), !host.isEmpty else {
            throw HTTPClientError("\(url) has no host")
        }
        let isEncrypted = scheme == "https"
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return (host, components.port ?? (isEncrypted ? 443 : 80), isEncrypted, path + (components.percentEncodedQuery.map { "?\($0)" } ?? ""))
    }
}

/// The answer: its status and its body, de-chunked.
public struct HTTPClientResponse: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]
}
