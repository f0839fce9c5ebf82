import FoundationEssentials
import HTTPClient
import JSON

/// The registry service at `--server`, spoken to over HTTP or HTTPS (``HTTPClient``) with the
/// caller's token. Calls block until the answer or the timeout: the CLI does one thing at a time.
final class RemoteRegistry {
    let baseURL: URL
    private let token: String?
    let timeout: TimeInterval

    init(url text: String, token: String?, timeout: TimeInterval) throws {
        guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            throw CommandError("--server must be an http:// or https:// URL, not '\(text)'")
        }
        baseURL = url
        self.token = token
        self.timeout = timeout
    }
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
        do {
            let response = try HTTPClient.send(HTTPClientRequest(method: method, url: url, headers: headers, body: bytes), timeout: timeout)
            return (response.status, Data(response.body))
        } catch {
            throw RemoteError.unreachable(url: baseURL.absoluteString, reason: error.description + (error.isTimeout ? " (--timeout)" : ""))
        }
    }
}
