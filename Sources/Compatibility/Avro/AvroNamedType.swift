/// The parts every named Avro type (record, enum, fixed) has (Avro spec "Names", "Aliases").
public struct AvroNamedType: Sendable, Hashable {
    /// The full name.
    public var name: AvroName
    /// Alternative full names, resolved against the type's namespace.
    public var aliases: [AvroName]
    /// The documentation string.
    public var doc: String?

    /// Whether a reader type with this name may read a writer type named `writer`: the unqualified
    /// names are equal or a reader alias is the writer's full name (Java `SchemaCompatibility`).
    func readerMatches(_ writer: AvroName) -> Bool {
        name.name == writer.name || aliases.contains { $0.fullName == writer.fullName }
    }
}
