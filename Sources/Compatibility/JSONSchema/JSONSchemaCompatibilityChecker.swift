import JSON

/// JSON Schema compatibility under Confluent's strict rules (`io.confluent.kafka.schemaregistry.json.diff`):
/// the reader must accept every value the writer accepts, judged structurally.
public struct JSONSchemaCompatibilityChecker: SchemaCompatibilityChecker {
    public init() {}

    /// Every difference between the writer (Confluent's "original") and the reader ("update").
    public func findings(reader: JSONSchemaDocument, writer: JSONSchemaDocument, direction: CompatibilityDirection) -> [CompatibilityFinding] {
        var diff = JSONSchemaDiff(original: writer, update: reader)
        diff.compare(writer.root, reader.root)
        return diff.differences.map { difference in
            let paths = direction.oldAndNew(reader: difference.updatePointer, writer: difference.originalPointer)
            let verdict = difference.change.verdict
            return CompatibilityFinding(
                rule: difference.change.rule, oldPath: paths.old, newPath: paths.new,
                expected: Self.describe(difference.originalPointer, in: writer.json),
                found: Self.describe(difference.updatePointer, in: reader.json),
                verdict: verdict, message: Self.message(difference, verdict: verdict), direction: direction)
        }
    }

    /// Whether `reader` accepts every value `writer` accepts, as Confluent decides it.
    public func canRead(reader: JSONSchemaDocument, writer: JSONSchemaDocument) -> Bool {
        var diff = JSONSchemaDiff(original: writer, update: reader)
        diff.compare(writer.root, reader.root)
        return diff.isCompatible
    }

    /// The changes found, as Confluent names them with its paths, e.g. `TYPE_CHANGED #/properties/foo`.
    public func confluentChanges(reader: JSONSchemaDocument, writer: JSONSchemaDocument) -> [String] {
        var diff = JSONSchemaDiff(original: writer, update: reader)
        diff.compare(writer.root, reader.root)
        return diff.differences.map { "\($0.change.rawValue) \($0.path)" }
    }

    private static func describe(_ pointer: JSONPointer?, in document: JSONValue) -> String {
        guard let pointer else { return "absent" }
        guard let value = document.value(at: pointer) else { return "absent at \(pointer)" }
        let text = value.encoded([.sortedKeys])
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    private static func message(_ difference: JSONSchemaDifference, verdict: CompatibilityVerdict) -> String {
        let what = difference.change.words(joinedBy: " ")
        return switch verdict {
        case .breaking: "\(what) at \(difference.path): the reader schema rejects values the writer schema accepts"
        case .additive: "\(what) at \(difference.path): compatible, the reader still accepts every value the writer accepts"
        case .metadata: "\(what) at \(difference.path): documentation only"
        }
    }
}
