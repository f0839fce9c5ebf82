import FoundationEssentials
import HTTPClient

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
        guard let host = url.host.map(IPAddress.unbracketed), !host.isEmpty else {
            return .failure(WebhookSendError("the webhook url has no host"))
        }
        let addresses: [IPAddress]
        do {
            addresses = try IPAddress.resolve(host)
        } catch {
            return .failure(WebhookSendError("the webhook host \(host) does not resolve (\(error)); check the name"))
        }
        if !allowsPrivateAddresses {
            for address in addresses {
                if let reason = WebhookAddressPolicy.refusal(address.bytes) {
                    return .failure(WebhookSendError(
                        "the webhook host \(host) resolves to \(reason), which webhooks may not reach (serve --allow-private-webhooks permits it for tests)"))
                }
            }
        }
        return .success(WebhookTarget(url: url, addresses: addresses))
    }
}
