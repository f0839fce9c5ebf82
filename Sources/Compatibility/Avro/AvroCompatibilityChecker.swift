/// Avro compatibility as Apache Avro Java's `SchemaCompatibility` decides it (what Confluent runs),
/// with the compatible differences reported too (Avro spec "Schema Resolution").
public struct AvroCompatibilityChecker: SchemaCompatibilityChecker {
    public init() {}

    /// Every finding for reading `writer`'s data with `reader`.
    public func findings(reader: AvroSchema, writer: AvroSchema, direction: CompatibilityDirection) -> [CompatibilityFinding] {
        var resolution = AvroResolution(reader: reader, writer: writer, direction: direction)
        _ = resolution.check(reader: reader.root, writer: writer.root)
        var findings = resolution.findings
        if !findings.contains(where: { $0.verdict != .metadata }), reader.canonicalForm != writer.canonicalForm {
            findings.append(resolution.finding(
                "avro.canonical-form-changed", .additive, reader: reader.root, writer: writer.root,
                expected: "the same Parsing Canonical Form", found: "a different form (e.g. fields reordered or namespaces changed)",
                message: "the schemas resolve compatibly but their Parsing Canonical Forms differ"))
        } else if findings.isEmpty, reader.json != writer.json {
            findings.append(resolution.finding(
                "avro.schema-text-changed", .metadata, reader: reader.root, writer: writer.root,
                expected: "the same document", found: "attributes outside the canonical form changed",
                message: "only attributes that do not affect parsing changed"))
        }
        return findings
    }

    /// Whether `reader` can read everything written with `writer`: true exactly when Java's
    /// `SchemaCompatibility.checkReaderWriterCompatibility` says COMPATIBLE.
    public func canRead(reader: AvroSchema, writer: AvroSchema) -> Bool {
        var resolution = AvroResolution(reader: reader, writer: writer, direction: .backward, collectsFindings: false)
        return resolution.check(reader: reader.root, writer: writer.root)
    }
}
