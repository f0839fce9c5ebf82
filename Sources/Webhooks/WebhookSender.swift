import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs one delivery and reports the receiver's status: no redirects followed, no cookies or
/// caches, and cut after `timeout` seconds so a slow receiver cannot hold its lane. Plain http
/// goes straight to a checked address (`PlainHTTPPost`); https through URLSession.
public final class WebhookSender: Sendable {
    private let session: URLSession
    public let timeout: Double

    public init(timeout: Double = 10) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    /// The status code, or why no answer came.
    public func post(_ target: WebhookTarget, headers: [(String, String)], body: [UInt8]) -> Result<Int, WebhookSendError> {
        guard target.isEncrypted else { return PlainHTTPPost.send(to: target, headers: headers, body: body, timeout: timeout) }
        var request = URLRequest(url: target.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = Data(body)
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { _, response, error in
            answer.set(status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        if done.wait(timeout: .now() + timeout + 5) == .timedOut { return .failure(WebhookSendError("no answer within \(Int(timeout)) s")) }
        return answer.result
    }
}

/// Why a delivery got no HTTP answer.
public struct WebhookSendError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Keeps redirects from being followed: the 3xx itself is the answer (a failed delivery).
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

/// The answer handed from URLSession's callback to the waiting lane. `@unchecked Sendable`:
/// written once before the semaphore is signalled, read after it is waited for.
private final class Answer: @unchecked Sendable {
    private var status: Int?
    private var error: (any Error)?

    func set(status: Int?, error: (any Error)?) {
        self.status = status
        self.error = error
    }

    var result: Result<Int, WebhookSendError> {
        if let status { return .success(status) }
        return .failure(WebhookSendError(error.map { $0.localizedDescription } ?? "no answer"))
    }
}
