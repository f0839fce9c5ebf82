import Foundation
import Glibc

/// Checks a webhook URL before it is stored and before every delivery: http or https, a host,
/// no credentials, and every address the host resolves to allowed by `WebhookAddressPolicy`
/// (unless private webhooks are allowed, as tests do).
public struct WebhookURLGuard: Sendable {
    public let allowsPrivateAddresses: Bool

    public init(allowsPrivateAddresses: Bool) {
        self.allowsPrivateAddresses = allowsPrivateAddresses
    }

    /// Why `text` may not be a webhook URL, or nil when it may.
    public func refusal(_ text: String) -> String? {
        if case .failure(let refusal) = check(text) { return refusal.description }
        return nil
    }

    /// The URL with the addresses its host resolves to, all allowed; or why it is refused.
    public func check(_ text: String) -> Result<WebhookTarget, WebhookSendError> {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(WebhookSendError("the webhook url must be an absolute http or https URL, like https://hooks.example.com/meshreg"))
        }
        guard url.user == nil, url.password == nil else {
            return .failure(WebhookSendError("the webhook url may not hold credentials; authenticate with the signature instead"))
        }
        guard let host = url.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), !host.isEmpty else {
            return .failure(WebhookSendError("the webhook url has no host"))
        }
        let addresses = Self.resolve(host)
        guard !addresses.isEmpty else { return .failure(WebhookSendError("the webhook host \(host) does not resolve; check the name")) }
        if !allowsPrivateAddresses {
            for address in addresses {
                if let reason = WebhookAddressPolicy.refusal(address) {
                    return .failure(WebhookSendError(
                        "the webhook host \(host) resolves to \(reason), which webhooks may not reach (serve --allow-private-webhooks permits it for tests)"))
                }
            }
        }
        return .success(WebhookTarget(url: url, host: host, port: url.port ?? (scheme == "https" ? 443 : 80), addresses: addresses,
                                      isEncrypted: scheme == "https"))
    }

    /// Every IPv4 (4 bytes) and IPv6 (16 bytes) address of `host`, through getaddrinfo.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &results) == 0 else { return [] }
        defer { freeaddrinfo(results) }
        var addresses: [[UInt8]] = []
        var next = results
        while let info = next {
            if let address = info.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                        addresses.append(withUnsafeBytes(of: ipv4.pointee.sin_addr) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                        addresses.append(withUnsafeBytes(of: ipv6.pointee.sin6_addr) { Array($0) })
                    }
                default: break
                }
            }
            next = info.pointee.ai_next
        }
        return addresses
    }
}
