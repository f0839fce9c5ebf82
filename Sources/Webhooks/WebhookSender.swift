import HTTPClient

/// POSTs one batch of deliveries to one checked target over a connection kept open between them
/// (one handshake per batch), and reports each receiver status: no redirects followed (a 3xx is
/// the answer), nothing cached, and each POST cut after `timeout` seconds so a slow receiver
/// cannot hold its lane. For one thread.
final class WebhookSender {
    /// The most of a receiver's answer read: its status is what counts.
    static let maximumAnswerBytes = 1 << 20

    let target: WebhookTarget
    private let session: HTTPClientSession

    init(target: WebhookTarget, timeout: Double) {
        self.target = target
        session = HTTPClientSession(timeout: timeout, addresses: target.addresses, maximumResponseBytes: Self.maximumAnswerBytes)
    }

    /// The status code, or why no answer came.
    func post(headers: [(String, String)], body: [UInt8]) -> Result<Int, WebhookSendError> {
        do {
            let response = try session.send(HTTPClientRequest(method: "POST", url: target.url, headers: headers, body: body))
            return .success(response.status)
        } catch {
            session.close()
            return .failure(WebhookSendError(error.description))
        }
    }
}

/// Why a delivery got no HTTP answer.
public struct WebhookSendError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
