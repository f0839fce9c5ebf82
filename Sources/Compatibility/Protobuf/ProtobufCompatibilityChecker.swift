import JSON
import Protobuf

/// Protobuf compatibility as Confluent Schema Registry decides it (its `SchemaDiff`), each
/// difference reported as a finding with why it matters on the wire
/// (docs/ARCHITECTURE.md, "Confluent-compatible API").
///
/// The reader's schema is Confluent's "update", the writer's its "original": BACKWARD compares the
/// new version as update with the old as original, FORWARD the other way round.
public struct ProtobufCompatibilityChecker: SchemaCompatibilityChecker {
    public init() {}

    /// Every finding for reading `writer`'s data with `reader`. Paths are names and numbers,
    /// e.g. `/Order/3` for field 3 of message Order.
    public func findings(reader: ProtobufSchema, writer: ProtobufSchema, direction: CompatibilityDirection) -> [CompatibilityFinding] {
        var diff = ProtobufDiff(original: writer, update: reader)
        diff.compareFiles()
        var findings = diff.differences.map { difference in
            let pointer = JSONPointer(tokens: difference.path)
            let (old, new) = direction.oldAndNew(reader: difference.inUpdate ? pointer : nil, writer: difference.inOriginal ? pointer : nil)
            return CompatibilityFinding(
                rule: difference.change.rule, oldPath: old, newPath: new,
                expected: difference.change.isCompatible ? "a wire-compatible change" : "no change that breaks reading",
                found: difference.change.rawValue, verdict: difference.change.isCompatible ? .additive : .breaking,
                message: difference.change.explanation, direction: direction)
        }
        if findings.isEmpty, reader.formattedText != writer.formattedText {
            findings.append(CompatibilityFinding(
                rule: "protobuf.schema-text-changed", oldPath: .root, newPath: .root, expected: "the same schema", found: "options or layout changed",
                verdict: .metadata, message: "only options, qualification of names or order changed; the wire format is the same", direction: direction))
        }
        return findings
    }

    /// Confluent's texts for the differences, e.g. `FIELD_ADDED #/Order/3`, for comparison with its test suite.
    public func confluentChanges(reader: ProtobufSchema, writer: ProtobufSchema) -> [String] {
        var diff = ProtobufDiff(original: writer, update: reader)
        diff.compareFiles()
        return diff.differences.map(\.confluentText)
    }

    /// Whether `reader` reads everything written with `writer` under Confluent's rules.
    public func canRead(reader: ProtobufSchema, writer: ProtobufSchema) -> Bool {
        var diff = ProtobufDiff(original: writer, update: reader)
        diff.compareFiles()
        return diff.differences.allSatisfy(\.change.isCompatible)
    }
}
