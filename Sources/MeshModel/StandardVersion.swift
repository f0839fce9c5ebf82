/// The version of ODPS or ODCS a document declares in `apiVersion`.
struct StandardVersion: Sendable, Hashable {
    let standard: Standard
    /// As written, e.g. `v3.1.0`.
    let apiVersion: String
    private let version: SemanticVersion

    /// Nil when `apiVersion` is not one of `standard`'s versions (the shape reports that).
    init?(_ standard: Standard, apiVersion: String?) {
        guard let apiVersion, standard.apiVersions.contains(apiVersion), let version = Self.semanticVersion(apiVersion) else { return nil }
        self.standard = standard
        self.apiVersion = apiVersion
        self.version = version
    }

    /// Whether this version is earlier than `apiVersion` (e.g. `v3.2.0`).
    func isBefore(_ apiVersion: String) -> Bool {
        Self.semanticVersion(apiVersion).map { version < $0 } ?? false
    }

    /// Whether this version is later than `apiVersion`.
    func isAfter(_ apiVersion: String) -> Bool {
        Self.semanticVersion(apiVersion).map { version > $0 } ?? false
    }

    /// ODCS v3.2.0 widened `StableId` to any text without white space or `. # / \ @ ! % & ^`.
    var allowsWideStableIds: Bool { standard == .odcs && !isBefore("v3.2.0") }

    private static func semanticVersion(_ apiVersion: String) -> SemanticVersion? {
        apiVersion.hasPrefix("v") ? SemanticVersion(String(apiVersion.dropFirst())) : nil
    }
}
