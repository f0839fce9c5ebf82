/// A subject's (or the registry's) mode: whether it accepts new schemas.
public enum SubjectMode: String, Sendable, CaseIterable {
    case readWrite = "READWRITE"
    case readOnly = "READONLY"

    /// Parses a mode name; IMPORT is refused as unsupported (ids are always assigned here).
    public init(name: String) throws(SubjectError) {
        switch name.uppercased() {
        case "READWRITE": self = .readWrite
        case "READONLY": self = .readOnly
        case "IMPORT", "READONLY_OVERRIDE":
            throw SubjectError(.invalidMode, "Mode \(name.uppercased()) is not supported by meshreg: schema ids are always assigned by the registry. Use READWRITE or READONLY.")
        default:
            throw SubjectError(.invalidMode, "Invalid mode '\(name)'. Valid values are READWRITE and READONLY.")
        }
    }
}
