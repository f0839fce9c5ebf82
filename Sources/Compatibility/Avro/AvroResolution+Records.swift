import JSON

extension AvroResolution {
    /// Record resolution (Avro spec "Schema Resolution", records): names match, every reader field is
    /// found in the writer (by name, then by the reader field's aliases) or has a default, and writer
    /// fields the reader lacks are skipped.
    mutating func checkRecords(_ readerRecord: AvroRecord, _ writerRecord: AvroRecord, reader r: Int, writer w: Int) -> Bool {
        var compatible = checkNames(readerRecord.named, writerRecord.named, reader: r, writer: w)
        let readerFields = reader.nodes[r].pointer / "fields"
        let writerFields = writer.nodes[w].pointer / "fields"
        var matchedWriter = [Bool](repeating: false, count: writerRecord.fields.count)
        for (readerPosition, readerField) in readerRecord.fields.enumerated() {
            var match = writerRecord.positions[readerField.name]
            var ambiguous = false
            for alias in readerField.aliases {
                guard let aliased = writerRecord.positions[alias] else { continue }
                if match == nil { match = aliased } else { ambiguous = true }
            }
            guard let writerPosition = match else {
                if readerField.defaultValue != nil {
                    append(finding(
                        direction.readerOnly(added: "avro.field-added", removed: "avro.field-removed"), .additive,
                        readerPath: readerFields / readerPosition, writerPath: nil, expected: "no field '\(readerField.name)' in the writer",
                        found: "reader field '\(readerField.name)' with a default",
                        message: "field '\(readerField.name)' exists only in the reader, which fills it with its default"))
                } else {
                    append(finding(
                        "avro.reader-field-missing-default", .breaking, readerPath: readerFields / readerPosition, writerPath: writerFields,
                        expected: "a default for reader field '\(readerField.name)'", found: "no default",
                        message: "the writer has no field '\(readerField.name)', so the reader needs a default for it; add one"))
                    compatible = false
                }
                continue
            }
            guard !ambiguous else {
                let names = ([readerField.name] + readerField.aliases).filter { writerRecord.positions[$0] != nil }
                append(finding(
                    "avro.reader-field-ambiguous", .breaking, readerPath: readerFields / readerPosition, writerPath: writerFields,
                    expected: "one writer field for '\(readerField.name)'", found: "\(names)",
                    message: "reader field '\(readerField.name)' matches several writer fields by name and aliases; remove an alias"))
                compatible = false
                continue
            }
            matchedWriter[writerPosition] = true
            let writerField = writerRecord.fields[writerPosition]
            compareFieldMetadata(readerField, writerField, readerPath: readerFields / readerPosition, writerPath: writerFields / writerPosition)
            if !check(reader: readerField.type, writer: writerField.type) { compatible = false }
        }
        for (writerPosition, writerField) in writerRecord.fields.enumerated() where !matchedWriter[writerPosition] {
            append(finding(
                direction.writerOnly(added: "avro.field-added", removed: "avro.field-removed"), .additive,
                readerPath: nil, writerPath: writerFields / writerPosition,
                expected: "writer field '\(writerField.name)'", found: "no such field in the reader",
                message: "field '\(writerField.name)' exists only in the writer; the reader skips it"))
        }
        return compatible
    }

    private mutating func compareFieldMetadata(
        _ readerField: AvroField, _ writerField: AvroField, readerPath: @autoclosure () -> JSONPointer, writerPath: @autoclosure () -> JSONPointer
    ) {
        if readerField.name != writerField.name {
            append(finding(
                "avro.field-renamed", .additive, readerPath: readerPath() / "name", writerPath: writerPath() / "name",
                expected: writerField.name, found: readerField.name,
                message: "field '\(writerField.name)' was renamed to '\(readerField.name)'; the reader's aliases keep it readable"))
        }
        if readerField.defaultValue != writerField.defaultValue {
            append(finding(
                "avro.field-default-changed", .metadata, readerPath: readerPath() / "default", writerPath: writerPath() / "default",
                expected: writerField.defaultValue?.encoded() ?? "no default", found: readerField.defaultValue?.encoded() ?? "no default",
                message: "the default of field '\(readerField.name)' changed"))
        }
        if readerField.doc != writerField.doc {
            append(finding(
                "avro.doc-changed", .metadata, readerPath: readerPath() / "doc", writerPath: writerPath() / "doc",
                expected: writerField.doc ?? "no doc", found: readerField.doc ?? "no doc",
                message: "the documentation of field '\(readerField.name)' changed"))
        }
    }
}
