import Foundation

/// A webhook URL that passed `WebhookURLGuard`, with the addresses that were checked, so a
/// delivery connects to one of them and not to whatever the name resolves to next.
public struct WebhookTarget: Sendable, Hashable {
    public var url: URL
    public var host: String
    public var port: Int
    /// 4-byte IPv4 or 16-byte IPv6 addresses, in resolver order.
    public var addresses: [[UInt8]]
    /// https: sent through URLSession, which resolves the name again.
    public var isEncrypted: Bool

    /// The request target: path and query, `/` when empty.
    var requestTarget: String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? ""
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }

    /// The Host field: the name, bracketed when an IPv6 literal, with a port other than the default.
    var hostField: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isEncrypted ? 443 : 80) ? name : "\(name):\(port)"
    }
}
