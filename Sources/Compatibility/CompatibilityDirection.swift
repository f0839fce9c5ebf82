import JSON

/// Which schema reads and which wrote in one pairwise check (Confluent's meanings).
public enum CompatibilityDirection: String, Sendable, Hashable {
    /// The new schema (reader) reads data written with the old one (writer).
    case backward
    /// The old schema (reader) reads data written with the new one (writer).
    case forward

    /// Whether the reader is the new version.
    public var readerIsNew: Bool { self == .backward }

    /// The paths in the old and new documents, given the paths on the reader and writer side.
    func oldAndNew(reader: JSONPointer?, writer: JSONPointer?) -> (old: JSONPointer?, new: JSONPointer?) {
        readerIsNew ? (writer, reader) : (reader, writer)
    }

    /// Picks between a name for "the new version has it, the old lacks it" and the reverse,
    /// given that the reader has it and the writer lacks it.
    func readerOnly(added: String, removed: String) -> String { readerIsNew ? added : removed }

    /// Picks between "added" and "removed" names, given that the writer has it and the reader lacks it.
    func writerOnly(added: String, removed: String) -> String { readerIsNew ? removed : added }
}
