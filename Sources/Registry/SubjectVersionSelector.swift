/// Which version of a subject a request names: a number, or `latest` (also spelled `-1`).
public enum SubjectVersionSelector: Sendable, Hashable, CustomStringConvertible {
    case latest
    case number(Int)

    /// Parses a version path segment; anything else is Confluent's 42202.
    public init(text: String) throws(SubjectError) {
        if text == "latest" || text == "-1" {
            self = .latest
        } else if let number = Int(text), number > 0, number <= Int(Int32.max) {
            self = .number(number)
        } else {
            throw SubjectError(.invalidVersion, "The specified version '\(text)' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"")
        }
    }

    public var description: String {
        switch self {
        case .latest: "latest"
        case .number(let number): String(number)
        }
    }
}
