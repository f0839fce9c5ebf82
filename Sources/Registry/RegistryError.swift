import JSON
import MeshModel

/// Why the registry refused or failed a request. `code` is stable: clients and tests match on it.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// The document breaks its standard or the registry's rules (see `issues`).
        case invalidDocument = "invalid-document"
        /// The document names a domain, team or contract version that does not exist or does not fit.
        case unresolvedReference = "unresolved-reference"
        /// The actor is not a member of the owning team, nor an admin.
        case forbidden
        case notFound = "not-found"
        /// A Deny policy refuses the write (see `details.violations`).
        case policyViolation = "policy-violation"
        /// The new version breaks compatibility with earlier ones under the mode (see `report`).
        case incompatible
        /// The version number does not grow as much as the change needs (breaking: major, additive:
        /// minor, metadata: patch).
        case versionTooSmall = "version-too-small"
        /// An active contract version may not change; publish a new version instead.
        case immutableVersion = "immutable-version"
        /// Retiring or removing this would leave others pointing at nothing (see `dependants`).
        case hasDependants = "has-dependants"
        /// The request conflicts with the current state (e.g. a team name taken by another domain).
        case conflict
        /// The target changed since the client read it (`If-Match` names an older revision).
        case preconditionFailed = "precondition-failed"
        /// The database is locked by another writer for longer than the busy timeout.
        case busy
        /// The database cannot be reached (a PostgreSQL server restarting); try again in a moment.
        case unavailable
        case storageFailure = "storage-failure"
    }

    public var code: Code
    public var message: String
    /// Problems located in the submitted document(s), each with a JSON Pointer.
    public var issues: [LocatedIssue]
    /// What still depends on the target, as `kind:id` strings (e.g. `product:marketing-audiences`).
    public var dependants: [String]
    /// Structured detail for clients, e.g. the compatibility report of an `incompatible` refusal.
    public var details: JSONObject

    public init(_ code: Code, _ message: String, issues: [LocatedIssue] = [], dependants: [String] = [], details: JSONObject = [:]) {
        self.code = code
        self.message = message
        self.issues = issues
        self.dependants = dependants
        self.details = details
    }

    /// One line for the message, then one per issue and dependant.
    public var description: String {
        var lines = [message]
        lines += issues.map { "  \($0)" }
        lines += dependants.map { "  depended on by \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// A validation issue plus where it is in the source file, when known.
public struct LocatedIssue: Sendable, Hashable, CustomStringConvertible {
    public var issue: ValidationIssue
    /// `path/to/file.yaml:12:5` or just the file name; nil for documents without a file.
    public var source: String?

    public init(_ issue: ValidationIssue, source: String? = nil) {
        self.issue = issue
        self.source = source
    }

    public var description: String {
        let location = source.map { "\($0): " } ?? ""
        return "\(location)\(issue.pointer.description.isEmpty ? "/" : issue.pointer.description): \(issue.message) [\(issue.code)]"
    }
}
