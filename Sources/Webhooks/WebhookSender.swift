import FoundationEssentials
import HTTPClient

/// POSTs one delivery to a checked address and reports the receiver's status: no redirects
/// followed (a 3xx is the answer), nothing cached, and cut after `timeout` seconds so a slow
/// receiver cannot hold its lane.
public struct WebhookSender: Sendable {
    /// The most of a receiver's answer read: its status is what counts.
    static let maximumAnswerBytes = 1 << 20

    public let timeout: Double

    public init(timeout: Double = 10) {
        self.timeout = timeout
    }

    /// The status code, or why no answer came.
    public func post(_ target: WebhookTarget, headers: [(String, String)], body: [UInt8]) -> Result<Int, WebhookSendError> {
        do {
            let response = try HTTPClient.send(HTTPClientRequest(method: "POST", url: target.url, headers: headers, body: body), timeout: timeout,
                                               addresses: target.addresses, maximumResponseBytes: Self.maximumAnswerBytes)
            return .success(response.status)
        } catch {
            return .failure(WebhookSendError(error.description))
        }
    }
}

/// Why a delivery got no HTTP answer.
public struct WebhookSendError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
