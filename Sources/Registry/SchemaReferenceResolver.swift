/// Resolves schema references against the stored subjects (docs/ARCHITECTURE.md,
/// "Confluent-compatible API"): version -1 becomes the latest live version, and every schema the
/// references bring in, transitively, is loaded once, each after the schemas it uses, within
/// `SchemaReferenceLimits`. A reference to a missing subject or version, to a schema of another
/// type, a name standing for two schemas, or a cycle is refused with 42201 naming it.
struct SchemaReferenceResolver {
    let store: RegistryStore
    var limits = SchemaReferenceLimits()

    /// The references with version numbers, and the schemas they bring in.
    func resolve(_ references: [SchemaReference], type: SchemaType) throws -> (references: [SchemaReference], dependencies: [SchemaDependency]) {
        guard references.count <= limits.maximumReferences else {
            throw SubjectError(.invalidSchema, "Invalid schema: \(references.count) references; at most \(limits.maximumReferences) are allowed")
        }
        var walk = Walk(type: type)
        var resolved: [SchemaReference] = []
        for reference in references {
            var numbered = reference
            numbered.version = try versionNumber(of: reference)
            resolved.append(numbered)
            try visit(numbered, depth: 1, path: [], &walk)
        }
        return (resolved, walk.dependencies)
    }

    /// The schemas a stored schema's references bring in.
    func dependencies(of schema: RegisteredSchema) throws -> [SchemaDependency] {
        guard !schema.references.isEmpty else { return [] }
        var walk = Walk(type: schema.schemaType)
        for reference in schema.references { try visit(reference, depth: 1, path: [], &walk) }
        return walk.dependencies
    }

    private struct Walk {
        let type: SchemaType
        var dependencies: [SchemaDependency] = []
        /// Which schema (`subject@version`) each reference name stands for.
        var names: [String: String] = [:]
        var loaded: Set<String> = []
    }

    private func visit(_ reference: SchemaReference, depth: Int, path: [String], _ walk: inout Walk) throws {
        let key = "\(reference.subject)@\(reference.version)"
        guard !path.contains(key) else {
            throw SubjectError(.invalidSchema, "Invalid schema: the references form a cycle: \((path + [key]).joined(separator: " → "))")
        }
        guard depth <= limits.maximumDepth else {
            throw SubjectError(.invalidSchema, "Invalid schema: references nest more than \(limits.maximumDepth) levels deep (at \(key))")
        }
        if let other = walk.names[reference.name], other != key {
            throw SubjectError(.invalidSchema, "Invalid schema: the reference name '\(reference.name)' stands for both \(other) and \(key); give them different names")
        }
        walk.names[reference.name] = key
        guard walk.loaded.insert(key).inserted else { return }
        guard walk.loaded.count <= limits.maximumResolved else {
            throw SubjectError(.invalidSchema, "Invalid schema: the references bring in more than \(limits.maximumResolved) schemas")
        }
        guard let record = try store.subjectVersions(reference.subject, includeDeleted: true).first(where: { $0.version == reference.version }),
            let schema = try store.schema(id: record.schemaID)
        else { throw Self.missing(reference) }
        guard schema.schemaType == walk.type else {
            throw SubjectError(.invalidSchema, "Invalid schema: the reference '\(reference.name)' names \(key), a \(schema.schemaType.confluentName) schema; a \(walk.type.confluentName) schema can only reference \(walk.type.confluentName) schemas")
        }
        for child in schema.references { try visit(child, depth: depth + 1, path: path + [key], &walk) }
        walk.dependencies.append(SchemaDependency(name: reference.name, text: schema.schema))
    }

    /// The number of a submitted reference's version: -1 is the latest live one; a number must be live.
    private func versionNumber(of reference: SchemaReference) throws -> Int {
        let live = try store.subjectVersions(reference.subject, includeDeleted: false)
        if reference.version == SchemaReference.latestVersion, let latest = live.last { return latest.version }
        guard live.contains(where: { $0.version == reference.version }) else { throw Self.missing(reference) }
        return reference.version
    }

    private static func missing(_ reference: SchemaReference) -> SubjectError {
        let version = reference.version == SchemaReference.latestVersion ? "any live version" : "version \(reference.version)"
        return SubjectError(.invalidSchema, "Invalid schema: the reference '\(reference.name)' names subject '\(reference.subject)' \(version), which does not exist; register it first or fix the reference")
    }
}
