import FoundationEssentials
import HTTPClient

/// A webhook URL that passed `WebhookURLGuard`, with the addresses that were checked, so a
/// delivery connects to one of them and not to whatever the name resolves to next (for https
/// too: the certificate is still checked against the URL's host).
public struct WebhookTarget: Sendable, Hashable {
    public var url: URL
    /// In resolver order.
    public var addresses: [IPAddress]
}
