import JSON

/// One reader/writer walk over two Avro schemas, collecting findings (Avro spec "Schema Resolution").
///
/// Record pairs are memoised by node index; a pair met again while it is being checked counts as
/// compatible, as in Java, so recursive types terminate.
struct AvroResolution {
    let reader: AvroSchema
    let writer: AvroSchema
    let direction: CompatibilityDirection
    private(set) var findings: [CompatibilityFinding] = []
    /// Record pairs: nil while in progress, then the result.
    private var visited: [Int: Bool?] = [:]

    init(reader: AvroSchema, writer: AvroSchema, direction: CompatibilityDirection) {
        self.reader = reader
        self.writer = writer
        self.direction = direction
    }

    /// Whether data written with writer node `w` can be read with reader node `r`.
    mutating func check(reader r: Int, writer w: Int) -> Bool {
        let readerNode = reader.nodes[r]
        let writerNode = writer.nodes[w]
        if readerNode.logicalType != writerNode.logicalType {
            findings.append(finding(
                "avro.logical-type-changed", .additive, reader: r, writer: w,
                expected: writerNode.logicalType?.description ?? "no logical type", found: readerNode.logicalType?.description ?? "no logical type",
                message: "the logical type differs; resolution uses the underlying types, but values are interpreted differently"))
        }
        switch (readerNode.kind, writerNode.kind) {
        case (.record(let readerRecord), .record(let writerRecord)):
            let key = r &* writer.nodes.count &+ w
            if let state = visited[key] {
                if state == false {
                    findings.append(finding(
                        "avro.record-incompatible", .breaking, reader: r, writer: w,
                        expected: "a reader record that reads \(writerNode.kind.summary)", found: readerNode.kind.summary,
                        message: "this record pair was found incompatible where it first appeared; see the findings there"))
                }
                return state ?? true
            }
            visited[key] = .some(nil)
            let compatible = checkRecords(readerRecord, writerRecord, reader: r, writer: w)
            visited[key] = compatible
            return compatible
        case (.enumeration(let readerEnum), .enumeration(let writerEnum)):
            let named = checkNames(readerEnum.named, writerEnum.named, reader: r, writer: w)
            return checkSymbols(readerEnum, writerEnum, reader: r, writer: w) && named
        case (.fixed(let readerFixed), .fixed(let writerFixed)):
            let named = checkNames(readerFixed.named, writerFixed.named, reader: r, writer: w)
            guard readerFixed.size == writerFixed.size else {
                findings.append(finding(
                    "avro.fixed-size-mismatch", .breaking, reader: r, writer: w, suffix: "size",
                    expected: "size \(writerFixed.size)", found: "size \(readerFixed.size)",
                    message: "a fixed must keep its size; define a new fixed type instead"))
                return false
            }
            return named
        case (.array(let readerItems), .array(let writerItems)):
            return check(reader: readerItems, writer: writerItems)
        case (.map(let readerValues), .map(let writerValues)):
            return check(reader: readerValues, writer: writerValues)
        case (.union(let readerBranches), .union(let writerBranches)):
            var compatible = true
            for branch in writerBranches where !readWithSomeBranch(readerBranches, reader: r, writer: branch) { compatible = false }
            if compatible, readerBranches.count != writerBranches.count {
                findings.append(finding(
                    "avro.union-branches-changed", .additive, reader: r, writer: w,
                    expected: "\(writerBranches.count) branches", found: "\(readerBranches.count) branches",
                    message: "the union's branches changed; every branch the writer uses is still readable"))
            }
            return compatible
        case (_, .union(let writerBranches)):
            var compatible = true
            for branch in writerBranches where !check(reader: r, writer: branch) { compatible = false }
            if compatible {
                findings.append(finding(
                    "avro.union-changed", .additive, reader: r, writer: w,
                    expected: writerNode.kind.summary, found: readerNode.kind.summary,
                    message: "a union became a single type; every branch the writer uses is still readable"))
            }
            return compatible
        case (.union(let readerBranches), _):
            guard readWithSomeBranch(readerBranches, reader: r, writer: w) else { return false }
            findings.append(finding(
                "avro.union-changed", .additive, reader: r, writer: w,
                expected: writerNode.kind.summary, found: readerNode.kind.summary,
                message: "a single type became a union with a branch that reads it"))
            return true
        default:
            return checkPrimitives(readerNode.kind, writerNode.kind, reader: r, writer: w)
        }
    }

    /// Reader union against a non-union writer type: the first branch that reads it wins, and the
    /// findings of branches tried before are dropped (Java `SchemaCompatibility`).
    private mutating func readWithSomeBranch(_ readerBranches: [Int], reader r: Int, writer w: Int) -> Bool {
        for branch in readerBranches {
            let mark = findings.count
            if check(reader: branch, writer: w) { return true }
            findings.removeSubrange(mark...)
        }
        let writerKind = writer.nodes[w].kind
        findings.append(finding(
            "avro.union-branch-missing", .breaking, reader: r, writer: w,
            expected: "a union branch that reads \(writerKind.summary)", found: "none",
            message: "no branch of the reader's union can read the writer's \(writerKind.summary); add one"))
        return false
    }

    private mutating func checkPrimitives(_ readerKind: AvroKind, _ writerKind: AvroKind, reader r: Int, writer w: Int) -> Bool {
        if readerKind == writerKind { return true }
        let promotable: Bool = switch (readerKind, writerKind) {
        case (.long, .int), (.float, .int), (.float, .long), (.double, .int), (.double, .long), (.double, .float),
             (.bytes, .string), (.string, .bytes): true
        default: false
        }
        if promotable {
            findings.append(finding(
                "avro.type-promoted", .additive, reader: r, writer: w,
                expected: writerKind.typeName, found: readerKind.typeName,
                message: "\(writerKind.typeName) values are promoted to \(readerKind.typeName) when read"))
            return true
        }
        findings.append(finding(
            "avro.type-mismatch", .breaking, reader: r, writer: w,
            expected: "a type that reads \(writerKind.summary)", found: readerKind.summary,
            message: "\(readerKind.summary) cannot read \(writerKind.summary); keep the type or use a promotion "
                + "(int→long→float→double, string↔bytes)"))
        return false
    }

    mutating func checkNames(_ readerNamed: AvroNamedType, _ writerNamed: AvroNamedType, reader r: Int, writer w: Int) -> Bool {
        if readerNamed.doc != writerNamed.doc {
            findings.append(finding(
                "avro.doc-changed", .metadata, reader: r, writer: w, suffix: "doc",
                expected: writerNamed.doc ?? "no doc", found: readerNamed.doc ?? "no doc", message: "the documentation changed"))
        }
        if readerNamed.name.name == writerNamed.name.name { return true }
        if readerNamed.readerMatches(writerNamed.name) {
            findings.append(finding(
                "avro.name-changed", .additive, reader: r, writer: w, suffix: "name",
                expected: writerNamed.name.fullName, found: readerNamed.name.fullName,
                message: "the type was renamed; the reader's aliases name the writer's type"))
            return true
        }
        findings.append(finding(
            "avro.name-mismatch", .breaking, reader: r, writer: w, suffix: "name",
            expected: writerNamed.name.fullName, found: readerNamed.name.fullName,
            message: "named types must keep their name; add \"\(writerNamed.name.fullName)\" to the reader's aliases"))
        return false
    }

    private mutating func checkSymbols(_ readerEnum: AvroEnum, _ writerEnum: AvroEnum, reader r: Int, writer w: Int) -> Bool {
        let missing = writerEnum.symbols.filter { !readerEnum.symbols.contains($0) }
        let extra = readerEnum.symbols.filter { !writerEnum.symbols.contains($0) }
        if !extra.isEmpty {
            findings.append(finding(
                direction.readerOnly(added: "avro.enum-symbols-added", removed: "avro.enum-symbols-removed"), .additive,
                reader: r, writer: w, suffix: "symbols", expected: "\(writerEnum.symbols)", found: "\(readerEnum.symbols)",
                message: "symbols \(extra) are known only to the reader"))
        }
        guard !missing.isEmpty else { return true }
        if let fallback = readerEnum.defaultSymbol {
            findings.append(finding(
                direction.writerOnly(added: "avro.enum-symbols-added", removed: "avro.enum-symbols-removed"), .additive,
                reader: r, writer: w, suffix: "symbols", expected: "\(writerEnum.symbols)", found: "\(readerEnum.symbols)",
                message: "symbols \(missing) are unknown to the reader and read as its default '\(fallback)'"))
            return true
        }
        findings.append(finding(
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

    mutating func append(_ finding: CompatibilityFinding) { findings.append(finding) }
}
