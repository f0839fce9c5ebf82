import MeshModel

/// Compatibility of the `schema` of two ODCS data contracts: objects and properties matched
/// by `id` when both have one, else by name; the reader contract must describe every row the writer
/// contract allows.
///
/// Decisions beyond the standard: removing a property breaks readers that still name it, whatever
/// its `required`; the only safe logical-type widening is integer→number (a `date` read as a
/// `timestamp` gains a time and a zone it never had); primary-key changes break both directions.
public struct ODCSCompatibilityChecker: SchemaCompatibilityChecker {
    public init() {}

    /// Every difference for consumers of `reader` reading data produced under `writer`.
    public func findings(reader: DataContract, writer: DataContract, direction: CompatibilityDirection) -> [CompatibilityFinding] {
        var comparison = ODCSComparison(direction: direction)
        comparison.compareObjects(reader: reader.schemaObjects, writer: writer.schemaObjects)
        return comparison.findings
    }
}
