import JSON

/// One reader/writer walk over two Avro schemas, collecting findings (Avro spec "Schema Resolution").
///
/// Record pairs are memoised by record position; a pair met again while it is being checked counts as
/// compatible, as in Java, so recursive types terminate.
struct AvroResolution {
    let reader: AvroSchema
    let writer: AvroSchema
    let direction: CompatibilityDirection
    /// Whether findings are built; a verdict-only check skips them.
    let collectsFindings: Bool
    private(set) var findings: [CompatibilityFinding] = []
    /// The flat forms of `reader` and `writer` the walk reads; the nodes serve only for findings.
    let readerIndex: AvroResolutionIndex
    let writerIndex: AvroResolutionIndex
    /// Record pairs: in progress, then the result.
    private var visited: TypePairMemo
    /// Which writer fields the records being checked have matched, a stack shared by nested records
    /// so a check allocates it once.
    var matchedWriterFields: [Bool] = []

    init(reader: AvroSchema, writer: AvroSchema, direction: CompatibilityDirection, collectsFindings: Bool = true) {
        self.reader = reader
        self.writer = writer
        self.direction = direction
        self.collectsFindings = collectsFindings
        self.readerIndex = reader.resolutionIndex
        self.writerIndex = writer.resolutionIndex
        self.visited = TypePairMemo(readerTypes: reader.resolutionIndex.recordCount, writerTypes: writer.resolutionIndex.recordCount)
    }

    /// Whether data written with writer node `w` can be read with reader node `r`.
    mutating func check(reader r: Int, writer w: Int) -> Bool {
        let readerEntry = readerIndex.entries[r]
        let writerEntry = writerIndex.entries[w]
        if readerEntry.hasLogicalType || writerEntry.hasLogicalType { checkLogicalTypes(reader: r, writer: w) }
        switch (readerEntry.shape, writerEntry.shape) {
        case (.record, .record):
            switch visited[reader: readerEntry.record, writer: writerEntry.record] {
            case .unvisited:
                visited[reader: readerEntry.record, writer: writerEntry.record] = .inProgress
                let compatible = checkRecords(reader: r, writer: w)
                visited[reader: readerEntry.record, writer: writerEntry.record] = compatible ? .compatible : .incompatible
                return compatible
            case .inProgress, .compatible:
                return true
            case .incompatible:
                append(finding(
                    "avro.record-incompatible", .breaking, reader: r, writer: w,
                    expected: "a reader record that reads \(writer.nodes[w].kind.summary)", found: reader.nodes[r].kind.summary,
                    message: "this record pair was found incompatible where it first appeared; see the findings there"))
                return false
            }
        case (.enumeration, .enumeration), (.fixed, .fixed):
            return checkEnumerationOrFixed(reader: r, writer: w)
        case (.array, .array), (.map, .map):
            return check(reader: readerEntry.first, writer: writerEntry.first)
        case (.union, .union):
            var compatible = true
            for position in 0..<writerEntry.count
            where !readWithSomeBranch(of: readerEntry, reader: r, writer: writerIndex.branches[writerEntry.first + position]) {
                compatible = false
            }
            if compatible, readerEntry.count != writerEntry.count {
                append(finding(
                    "avro.union-branches-changed", .additive, reader: r, writer: w,
                    expected: "\(writerEntry.count) branches", found: "\(readerEntry.count) branches",
                    message: "the union's branches changed; every branch the writer uses is still readable"))
            }
            return compatible
        case (_, .union):
            var compatible = true
            for position in 0..<writerEntry.count where !check(reader: r, writer: writerIndex.branches[writerEntry.first + position]) {
                compatible = false
            }
            if compatible {
                append(finding(
                    "avro.union-changed", .additive, reader: r, writer: w,
                    expected: writer.nodes[w].kind.summary, found: reader.nodes[r].kind.summary,
                    message: "a union became a single type; every branch the writer uses is still readable"))
            }
            return compatible
        case (.union, _):
            guard readWithSomeBranch(of: readerEntry, reader: r, writer: w) else { return false }
            append(finding(
                "avro.union-changed", .additive, reader: r, writer: w,
                expected: writer.nodes[w].kind.summary, found: reader.nodes[r].kind.summary,
                message: "a single type became a union with a branch that reads it"))
            return true
        case let (readerShape, writerShape) where readerShape == writerShape:
            return true // the same primitive: every complex pair of one shape is handled above
        default:
            return checkPrimitives(readerEntry.shape, writerEntry.shape, reader: r, writer: w)
        }
    }

    private mutating func checkLogicalTypes(reader r: Int, writer w: Int) {
        let readerType = reader.nodes[r].logicalType
        let writerType = writer.nodes[w].logicalType
        guard readerType != writerType else { return }
        append(finding(
            "avro.logical-type-changed", .additive, reader: r, writer: w,
            expected: writerType?.description ?? "no logical type", found: readerType?.description ?? "no logical type",
            message: "the logical type differs; resolution uses the underlying types, but values are interpreted differently"))
    }

    private mutating func checkEnumerationOrFixed(reader r: Int, writer w: Int) -> Bool {
        switch (reader.nodes[r].kind, writer.nodes[w].kind) {
        case (.enumeration(let readerEnum), .enumeration(let writerEnum)):
            let named = checkNames(readerEnum.named, writerEnum.named, reader: r, writer: w)
            return checkSymbols(readerEnum, writerEnum, reader: r, writer: w) && named
        case (.fixed(let readerFixed), .fixed(let writerFixed)):
            let named = checkNames(readerFixed.named, writerFixed.named, reader: r, writer: w)
            guard readerFixed.size == writerFixed.size else {
                append(finding(
                    "avro.fixed-size-mismatch", .breaking, reader: r, writer: w, suffix: "size",
                    expected: "size \(writerFixed.size)", found: "size \(readerFixed.size)",
                    message: "a fixed must keep its size; define a new fixed type instead"))
                return false
            }
            return named
        default:
            preconditionFailure("the resolution index disagrees with the nodes")
        }
    }

    /// Reader union against a non-union writer type: the first branch that reads it wins, and the
    /// findings of branches tried before are dropped (Java `SchemaCompatibility`).
    private mutating func readWithSomeBranch(of readerUnion: AvroResolutionIndex.Entry, reader r: Int, writer w: Int) -> Bool {
        let writerShape = writerIndex.entries[w].shape
        for position in 0..<readerUnion.count {
            let branch = readerIndex.branches[readerUnion.first + position]
            // A branch that fails on the primitive rules alone leaves only findings that are dropped.
            if Self.failsAsPrimitives(reader: readerIndex.entries[branch].shape, writer: writerShape) { continue }
            let mark = findings.count
            if check(reader: branch, writer: w) { return true }
            findings.removeSubrange(mark...)
        }
        append(finding(
            "avro.union-branch-missing", .breaking, reader: r, writer: w,
            expected: "a union branch that reads \(writer.nodes[w].kind.summary)", found: "none",
            message: "no branch of the reader's union can read the writer's \(writer.nodes[w].kind.summary); add one"))
        return false
    }

    /// Whether ``check(reader:writer:)`` on these shapes goes straight to the primitive rules and fails.
    private static func failsAsPrimitives(reader: AvroResolutionIndex.Shape, writer: AvroResolutionIndex.Shape) -> Bool {
        reader != writer && reader != .union && writer != .union && !reader.promotes(writer)
    }

    /// Primitives of different types: a promotion or a mismatch.
    private mutating func checkPrimitives(
        _ readerShape: AvroResolutionIndex.Shape, _ writerShape: AvroResolutionIndex.Shape, reader r: Int, writer w: Int
    ) -> Bool {
        let readerKind = reader.nodes[r].kind
        let writerKind = writer.nodes[w].kind
        if readerShape.promotes(writerShape) {
            append(finding(
                "avro.type-promoted", .additive, reader: r, writer: w,
                expected: writerKind.typeName, found: readerKind.typeName,
                message: "\(writerKind.typeName) values are promoted to \(readerKind.typeName) when read"))
            return true
        }
        append(finding(
            "avro.type-mismatch", .breaking, reader: r, writer: w,
            expected: "a type that reads \(writerKind.summary)", found: readerKind.summary,
            message: "\(readerKind.summary) cannot read \(writerKind.summary); keep the type or use a promotion "
                + "(int→long→float→double, string↔bytes)"))
        return false
    }

    mutating func checkNames(_ readerNamed: AvroNamedType, _ writerNamed: AvroNamedType, reader r: Int, writer w: Int) -> Bool {
        if readerNamed.doc != writerNamed.doc {
            append(finding(
                "avro.doc-changed", .metadata, reader: r, writer: w, suffix: "doc",
                expected: writerNamed.doc ?? "no doc", found: readerNamed.doc ?? "no doc", message: "the documentation changed"))
        }
        if readerNamed.name.name == writerNamed.name.name { return true }
        if readerNamed.readerMatches(writerNamed.name) {
            append(finding(
                "avro.name-changed", .additive, reader: r, writer: w, suffix: "name",
                expected: writerNamed.name.fullName, found: readerNamed.name.fullName,
                message: "the type was renamed; the reader's aliases name the writer's type"))
            return true
        }
        append(finding(
            "avro.name-mismatch", .breaking, reader: r, writer: w, suffix: "name",
            expected: writerNamed.name.fullName, found: readerNamed.name.fullName,
            message: "named types must keep their name; add \"\(writerNamed.name.fullName)\" to the reader's aliases"))
        return false
    }

    private mutating func checkSymbols(_ readerEnum: AvroEnum, _ writerEnum: AvroEnum, reader r: Int, writer w: Int) -> Bool {
        let missing = writerEnum.symbols.filter { !readerEnum.symbols.contains($0) }
        let extra = readerEnum.symbols.filter { !writerEnum.symbols.contains($0) }
        if !extra.isEmpty {
            append(finding(
                direction.readerOnly(added: "avro.enum-symbols-added", removed: "avro.enum-symbols-removed"), .additive,
                reader: r, writer: w, suffix: "symbols", expected: "\(writerEnum.symbols)", found: "\(readerEnum.symbols)",
                message: "symbols \(extra) are known only to the reader"))
        }
        guard !missing.isEmpty else { return true }
        if let fallback = readerEnum.defaultSymbol {
            append(finding(
                direction.writerOnly(added: "avro.enum-symbols-added", removed: "avro.enum-symbols-removed"), .additive,
                reader: r, writer: w, suffix: "symbols", expected: "\(writerEnum.symbols)", found: "\(readerEnum.symbols)",
                message: "symbols \(missing) are unknown to the reader and read as its default '\(fallback)'"))
            return true
        }
        append(finding(
            "avro.enum-symbol-missing", .breaking, reader: r, writer: w, suffix: "symbols",
            expected: "symbols including \(missing)", found: "\(readerEnum.symbols)",
            message: "the reader's enum lacks writer symbols \(missing); keep them or give the reader enum a 'default'"))
        return false
    }

    /// Builds a finding at reader node `r` and writer node `w`, optionally under a member `suffix`.
    func finding(
        _ rule: String, _ verdict: CompatibilityVerdict, reader r: Int, writer w: Int, suffix: String? = nil,
        expected: String, found: String, message: String
    ) -> CompatibilityFinding {
        finding(rule, verdict, readerPath: path(reader.nodes[r].pointer, suffix), writerPath: path(writer.nodes[w].pointer, suffix),
                expected: expected, found: found, message: message)
    }

    func finding(
        _ rule: String, _ verdict: CompatibilityVerdict, readerPath: JSONPointer?, writerPath: JSONPointer?,
        expected: String, found: String, message: String
    ) -> CompatibilityFinding {
        let paths = direction.oldAndNew(reader: readerPath, writer: writerPath)
        return CompatibilityFinding(
            rule: rule, oldPath: paths.old, newPath: paths.new, expected: expected, found: found,
            verdict: verdict, message: message, direction: direction)
    }

    private func path(_ pointer: JSONPointer, _ suffix: String?) -> JSONPointer {
        suffix.map { pointer / $0 } ?? pointer
    }

    /// Adds a finding when findings are collected; callers on common paths test ``collectsFindings``
    /// first so a verdict-only check does not build the finding at all.
    mutating func append(_ finding: CompatibilityFinding) {
        if collectsFindings { findings.append(finding) }
    }
}
