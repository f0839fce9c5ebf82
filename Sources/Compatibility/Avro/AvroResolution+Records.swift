import JSON

extension AvroResolution {
    /// How a reader field found its writer field.
    private enum FieldMatch {
        case matched(Int)
        case missing
        case ambiguous
    }

    /// Record resolution (Avro spec "Schema Resolution", records): names match, every reader field is
    /// found in the writer (by name, then by the reader field's aliases) or has a default, and writer
    /// fields the reader lacks are skipped.
    mutating func checkRecords(reader r: Int, writer w: Int) -> Bool {
        var compatible = checkNames(namedType(reader, r), namedType(writer, w), reader: r, writer: w)
        let readerRecord = readerIndex.entries[r]
        let writerRecord = writerIndex.entries[w]
        // This record's flags sit on top of the stack the enclosing records' flags share.
        let matchedBase = matchedWriterFields.count
        matchedWriterFields.append(contentsOf: repeatElement(false, count: writerRecord.count))
        defer { matchedWriterFields.removeSubrange(matchedBase...) }
        for readerPosition in 0..<readerRecord.count {
            let readerSlot = readerRecord.first + readerPosition
            let readerField = readerIndex.fields[readerSlot]
            switch match(readerSlot: readerSlot, position: readerPosition, hasAliases: readerField.hasAliases, in: writerRecord) {
            case .missing:
                let name = readerIndex.fieldNames[readerSlot]
                if readerField.hasDefault {
                    guard collectsFindings else { continue }
                    append(finding(
                        direction.readerOnly(added: "avro.field-added", removed: "avro.field-removed"), .additive,
                        readerPath: fieldPointer(reader, r, readerPosition), writerPath: nil, expected: "no field '\(name)' in the writer",
                        found: "reader field '\(name)' with a default",
                        message: "field '\(name)' exists only in the reader, which fills it with its default"))
                } else {
                    append(finding(
                        "avro.reader-field-missing-default", .breaking,
                        readerPath: fieldPointer(reader, r, readerPosition), writerPath: fieldsPointer(writer, w),
                        expected: "a default for reader field '\(name)'", found: "no default",
                        message: "the writer has no field '\(name)', so the reader needs a default for it; add one"))
                    compatible = false
                }
            case .ambiguous:
                let name = readerIndex.fieldNames[readerSlot]
                let positions = writerIndex.positions[writerRecord.record]
                let names = ([name] + readerIndex.fieldAliases[readerSlot]).filter { positions[$0] != nil }
                append(finding(
                    "avro.reader-field-ambiguous", .breaking,
                    readerPath: fieldPointer(reader, r, readerPosition), writerPath: fieldsPointer(writer, w),
                    expected: "one writer field for '\(name)'", found: "\(names)",
                    message: "reader field '\(name)' matches several writer fields by name and aliases; remove an alias"))
                compatible = false
            case .matched(let writerPosition):
                matchedWriterFields[matchedBase + writerPosition] = true
                let writerSlot = writerRecord.first + writerPosition
                compareFieldMetadata(readerSlot: readerSlot, writerSlot: writerSlot, readerField: (r, readerPosition), writerField: (w, writerPosition))
                if !check(reader: readerField.type, writer: writerIndex.fields[writerSlot].type) { compatible = false }
            }
        }
        for writerPosition in 0..<writerRecord.count where collectsFindings && !matchedWriterFields[matchedBase + writerPosition] {
            let name = writerIndex.fieldNames[writerRecord.first + writerPosition]
            append(finding(
                direction.writerOnly(added: "avro.field-added", removed: "avro.field-removed"), .additive,
                readerPath: nil, writerPath: fieldPointer(writer, w, writerPosition),
                expected: "writer field '\(name)'", found: "no such field in the reader",
                message: "field '\(name)' exists only in the writer; the reader skips it"))
        }
        return compatible
    }

    /// The writer field a reader field reads: the one with its name, else the one an alias names.
    private func match(readerSlot: Int, position: Int, hasAliases: Bool, in writerRecord: AvroResolutionIndex.Entry) -> FieldMatch {
        let name = readerIndex.fieldNames[readerSlot]
        if !hasAliases, position < writerRecord.count, writerIndex.fieldNames[writerRecord.first + position] == name {
            return .matched(position)
        }
        let positions = writerIndex.positions[writerRecord.record]
        var match = positions[name]
        if hasAliases {
            for alias in readerIndex.fieldAliases[readerSlot] {
                guard let aliased = positions[alias] else { continue }
                if match == nil { match = aliased } else { return .ambiguous }
            }
        }
        return match.map(FieldMatch.matched) ?? .missing
    }

    /// Reports differences in name, default and doc between matched fields; `readerField` and
    /// `writerField` give each field's record node and position, for the paths.
    private mutating func compareFieldMetadata(
        readerSlot: Int, writerSlot: Int, readerField readerAt: (record: Int, position: Int), writerField writerAt: (record: Int, position: Int)
    ) {
        func readerPath() -> JSONPointer { fieldPointer(reader, readerAt.record, readerAt.position) }
        func writerPath() -> JSONPointer { fieldPointer(writer, writerAt.record, writerAt.position) }
        let readerName = readerIndex.fieldNames[readerSlot]
        let writerName = writerIndex.fieldNames[writerSlot]
        if readerName != writerName {
            append(finding(
                "avro.field-renamed", .additive, readerPath: readerPath() / "name", writerPath: writerPath() / "name",
                expected: writerName, found: readerName,
                message: "field '\(writerName)' was renamed to '\(readerName)'; the reader's aliases keep it readable"))
        }
        let readerField = readerIndex.fields[readerSlot]
        let writerField = writerIndex.fields[writerSlot]
        if readerField.hasDefault || writerField.hasDefault {
            let readerDefault = readerIndex.fieldDefaults[readerSlot]
            let writerDefault = writerIndex.fieldDefaults[writerSlot]
            if readerDefault != writerDefault {
                append(finding(
                    "avro.field-default-changed", .metadata, readerPath: readerPath() / "default", writerPath: writerPath() / "default",
                    expected: writerDefault?.encoded() ?? "no default", found: readerDefault?.encoded() ?? "no default",
                    message: "the default of field '\(readerName)' changed"))
            }
        }
        if readerField.hasDoc || writerField.hasDoc {
            let readerDoc = readerIndex.fieldDocs[readerSlot]
            let writerDoc = writerIndex.fieldDocs[writerSlot]
            if readerDoc != writerDoc {
                append(finding(
                    "avro.doc-changed", .metadata, readerPath: readerPath() / "doc", writerPath: writerPath() / "doc",
                    expected: writerDoc ?? "no doc", found: readerDoc ?? "no doc",
                    message: "the documentation of field '\(readerName)' changed"))
            }
        }
    }

    /// The name, aliases and doc of a named node.
    private func namedType(_ schema: AvroSchema, _ node: Int) -> AvroNamedType {
        guard let named = schema.nodes[node].kind.named else { preconditionFailure("node \(node) is not a named type") }
        return named
    }

    /// The pointer to a record's `fields` array, built only when a finding needs it.
    private func fieldsPointer(_ schema: AvroSchema, _ record: Int) -> JSONPointer {
        schema.nodes[record].pointer / "fields"
    }

    /// The pointer to a record's field at `position`, built only when a finding needs it.
    private func fieldPointer(_ schema: AvroSchema, _ record: Int, _ position: Int) -> JSONPointer {
        var tokens = schema.nodes[record].pointer.tokens
        tokens.reserveCapacity(tokens.count + 2)
        tokens.append("fields")
        tokens.append(String(position))
        return JSONPointer(tokens: tokens)
    }
}
