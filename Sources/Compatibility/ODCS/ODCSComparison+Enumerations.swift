import JSON
import MeshModel

extension ODCSComparison {
    /// `enum` (ODCS v3.2.0): the reader must allow every value the writer may produce. So removing a
    /// value breaks BACKWARD readers (the new version rejects old data), and adding one is additive
    /// for BACKWARD but breaks FORWARD readers (old consumers meet a value they do not know).
    mutating func compareEnumerations(reader: SchemaProperty, writer: SchemaProperty) {
        switch (reader.enumValues, writer.enumValues) {
        case (nil, nil):
            return
        case (let readerValues?, nil):
            add(direction.readerOnly(added: "odcs.enum-added", removed: "odcs.enum-removed"), .breaking,
                reader: reader.pointer / "enum", writer: nil, expected: "any value", found: "one of \(Self.list(readerValues))",
                message: "'\(reader.name)' is limited to \(Self.list(readerValues)) by the reader, but the writer may produce any value")
        case (nil, let writerValues?):
            add(direction.writerOnly(added: "odcs.enum-added", removed: "odcs.enum-removed"), .additive,
                reader: nil, writer: writer.pointer / "enum", expected: "one of \(Self.list(writerValues))", found: "any value",
                message: "the reader of '\(reader.name)' accepts any value, so it reads every value of \(Self.list(writerValues))")
        case (let readerValues?, let writerValues?):
            let unknown = writerValues.filter { !readerValues.contains($0) }
            let unused = readerValues.filter { !writerValues.contains($0) }
            if !unknown.isEmpty {
                add(direction.writerOnly(added: "odcs.enum-value-added", removed: "odcs.enum-value-removed"), .breaking,
                    reader: reader.pointer / "enum", writer: writer.pointer / "enum",
                    expected: "the reader allows \(Self.list(unknown))", found: "one of \(Self.list(readerValues))",
                    message: direction.readerIsNew
                        ? "'\(reader.name)' no longer allows \(Self.list(unknown)); data written before may hold them — keep the values or bump the major version"
                        : "'\(reader.name)' gains \(Self.list(unknown)), which consumers of the previous version do not know")
            }
            if !unused.isEmpty {
                add(direction.readerOnly(added: "odcs.enum-value-added", removed: "odcs.enum-value-removed"), .additive,
                    reader: reader.pointer / "enum", writer: writer.pointer / "enum",
                    expected: "one of \(Self.list(writerValues))", found: "one of \(Self.list(readerValues))",
                    message: "the reader of '\(reader.name)' also allows \(Self.list(unused)), which the writer never produces")
            }
        }
    }

    /// `map` (ODCS v3.2.0): the key and the value are compared as properties.
    mutating func compareMaps(reader: SchemaProperty, writer: SchemaProperty) {
        guard let readerKey = reader.mapKey, let readerValue = reader.mapValue, let writerKey = writer.mapKey,
            let writerValue = writer.mapValue
        else { return }
        compareProperty(reader: readerKey, writer: writerKey)
        compareProperty(reader: readerValue, writer: writerValue)
    }

    private static func list(_ values: [JSONValue]) -> String {
        values.map { $0.encoded() }.joined(separator: ", ")
    }
}
