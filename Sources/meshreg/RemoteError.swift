import JSON

/// A remote command that did not get its answer: the server could not be reached, or it
/// answered with a problem (RFC 9457) whose `code` and `detail` are the user's to read.
enum RemoteError: Error {
    case unreachable(url: String, reason: String)
    case problem(status: Int, body: JSONValue)
    case unreadable(url: String, status: Int, reason: String)

    /// 2 when the input or the address was wrong (400, 404, 413, 415, unreachable), 1 when the
    /// registry refused (401, 403, 409, 412, 422, and any other answer).
    var exitStatus: ExitStatus {
        switch self {
        case .unreachable, .unreadable: .usageError
        case .problem(let status, _): [400, 404, 413, 415].contains(status) ? .usageError : .checkFailed
        }
    }

    /// `code: detail` for a problem, the URL and the system's reason otherwise.
    var message: String {
        switch self {
        case .unreachable(let url, let reason): "cannot reach the registry at \(url): \(reason); check --server (or MESHREG_URL) and that the service is running"
        case .unreadable(let url, let status, let reason): "the registry at \(url) answered \(status) with something that is not JSON (\(reason))"
        case .problem(let status, let body):
            "\(body["code"]?.stringValue ?? "HTTP \(status)"): \(body["detail"]?.stringValue ?? body["message"]?.stringValue ?? "the registry refused the request")"
        }
    }

    /// A problem's located issues and dependants, one line each.
    var details: [String] {
        guard case .problem(_, let body) = self else { return [] }
        let issues = (body["issues"]?.arrayValue ?? []).map { issue in
            let location = issue["location"]?.stringValue.map { "\($0): " } ?? ""
            let pointer = issue["pointer"]?.stringValue ?? ""
            return "\(location)\(pointer.isEmpty ? "/" : pointer): \(issue["message"]?.stringValue ?? "") [\(issue["code"]?.stringValue ?? "")]"
        }
        return issues + (body["dependants"]?.arrayValue ?? []).compactMap(\.stringValue).map { "depended on by \($0)" }
    }
}
