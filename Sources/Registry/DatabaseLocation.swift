/// Where a registry's database is, as `--db` and `MESHREG_DB` name it: a SQLite file path, or a
/// `postgres://` / `postgresql://` URI in libpq's syntax (docs/ARCHITECTURE.md, "PostgreSQL").
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(uri: String)

    public init(_ text: String) {
        let lowered = text.lowercased()
        self = lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") ? .postgres(uri: text) : .sqlite(path: text)
    }

    /// The location with any password replaced by `***`, for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let uri): Self.redacted(uri)
        }
    }

    /// Hides the password of `scheme://user:password@host…` and of a `password=` query parameter.
    static func redacted(_ uri: String) -> String {
        var text = Substring(uri)
        var result = ""
        if let scheme = text.firstRange(of: "://") {
            result += text[..<scheme.upperBound]
            text = text[scheme.upperBound...]
            let authorityEnd = text.firstIndex(where: { "/?".contains($0) }) ?? text.endIndex
            if let at = text[..<authorityEnd].lastIndex(of: "@") {
                let userInfo = text[..<at]
                result += userInfo.firstIndex(of: ":").map { userInfo[..<$0] + ":***" } ?? userInfo
                text = text[at...]
            }
        }
        guard let query = text.firstIndex(of: "?") else { return result + text }
        result += text[...query]
        let parameters = text[text.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false).map { parameter in
            parameter.lowercased().hasPrefix("password=") ? "password=***" : String(parameter)
        }
        return result + parameters.joined(separator: "&")
    }
}
