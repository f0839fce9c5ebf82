import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JSON
import Synchronization

/// The registry service at `--server`, spoken to over HTTP (``PlainHTTPClient``) or HTTPS
/// (URLSession) with the caller's token.
/// Calls block until the answer or the timeout: the CLI does one thing at a time.
final class RemoteRegistry {
    let baseURL: URL
    private let token: String?
    private let timeout: TimeInterval
    private let session: URLSession
    private let delegate = ChallengeDelegate()

    init(url text: String, token: String?, timeout: TimeInterval) throws {
        guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            throw CommandError("--server must be an http:// or https:// URL, not '\(text)'")
        }
        baseURL = url
        self.token = token
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// Sends a request and returns the JSON answer; a problem answer throws ``RemoteError``.
    @discardableResult
    func send(_ method: String, _ path: String, query: [(String, String?)] = [], body: JSONValue? = nil) throws -> JSONValue {
        let (status, data) = try exchange(method, path, query: query, body: body)
        let json: JSONValue
        do {
            json = data.isEmpty ? .null : try JSONParser.parse(Array(data))
        } catch {
            throw RemoteError.unreadable(url: baseURL.absoluteString, status: status, reason: error.message)
        }
        guard (200..<300).contains(status) else { throw RemoteError.problem(status: status, body: json) }
        return json
    }

    /// GETs a text answer (DOT, Mermaid) as it came; a problem answer throws ``RemoteError``.
    func text(_ path: String, query: [(String, String?)] = []) throws -> String {
        let (status, data) = try exchange("GET", path, query: query)
        guard (200..<300).contains(status) else { throw RemoteError.problem(status: status, body: (try? JSONParser.parse(Array(data))) ?? .null) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends a request and returns the status and body as they came.
    private func exchange(_ method: String, _ path: String, query: [(String, String?)] = [], body: JSONValue? = nil) throws -> (status: Int, body: Data) {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        let items = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        if !items.isEmpty { components?.queryItems = items }
        guard let url = components?.url else { throw CommandError("cannot form a URL from \(baseURL) and \(path)") }
        var headers = [("Accept", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let bytes = body.map { Array($0.encoded().utf8) } ?? []
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if url.scheme?.lowercased() == "http" {
            do {
                return try PlainHTTPClient.exchange(url, method: method, headers: headers, body: bytes, timeout: timeout)
            } catch {
                throw RemoteError.unreachable(url: baseURL.absoluteString, reason: error.reason)
            }
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if body != nil { request.httpBody = Data(bytes) }
        let answer = Mutex<Result<(Int, Data), any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            let result: Result<(Int, Data), any Error>
            if let error {
                result = .failure(error)
            } else {
                result = .success(((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }
            answer.withLock { $0 = result }
            done.signal()
        }.resume()
        done.wait()
        switch answer.withLock({ $0 }) {
        case .success(let exchange)?: return exchange
        case .failure where delegate.wasChallenged:
            let detail = token == nil
                ? "the registry at \(baseURL.absoluteString) needs a token; give --token, --token-file or MESHREG_TOKEN"
                : "the registry at \(baseURL.absoluteString) does not accept the token; check it, or ask an admin for a new one (meshreg token issue)"
            throw RemoteError.problem(status: 401, body: ["code": "unauthenticated", "detail": .string(detail)])
        case .failure(let error)?: throw RemoteError.unreachable(url: baseURL.absoluteString, reason: error.localizedDescription)
        case nil: throw RemoteError.unreachable(url: baseURL.absoluteString, reason: "no answer")
        }
    }
}

/// Turns the service's `WWW-Authenticate` challenge down: the token is already in the request,
/// and the toolchain's URLSession, left to its default handling, waits forever on a 401. The
/// task ends cancelled and ``wasChallenged`` tells the caller why.
private final class ChallengeDelegate: NSObject, URLSessionTaskDelegate, Sendable {
    private let challenged = Mutex(false)

    var wasChallenged: Bool { challenged.withLock { $0 } }

    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        challenged.withLock { $0 = true }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }
}
