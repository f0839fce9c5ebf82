import MeshModel

extension RegistryError {
    /// One error for several (e.g. every file of a tree that does not parse): all their issues
    /// together, so nothing is reported twice or lost; nil when there is none.
    public static func merged(_ errors: [RegistryError], total: Int) -> RegistryError? {
        guard let first = errors.first else { return nil }
        if errors.count == 1 { return first }
        let issues = errors.flatMap { error in
            error.issues.isEmpty ? [LocatedIssue(ValidationIssue(pointer: .root, code: error.code.rawValue, message: error.message))] : error.issues
        }
        return RegistryError(first.code, "\(issues.count) problems in \(total) documents; nothing was written",
                             issues: issues, dependants: errors.flatMap(\.dependants))
    }
}
