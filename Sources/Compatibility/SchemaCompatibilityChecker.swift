/// A format's compatibility rules: what a reader schema needs to read data written with a writer schema.
public protocol SchemaCompatibilityChecker: Sendable {
    /// The parsed schema the checker compares.
    associatedtype Schema

    /// Every difference between `reader` and `writer`, with verdicts for reading `writer`'s data
    /// with `reader`; `direction` says which of the two is the new version.
    func findings(reader: Schema, writer: Schema, direction: CompatibilityDirection) -> [CompatibilityFinding]
}

extension SchemaCompatibilityChecker {
    /// Checks `new` against the earlier versions `previous` (oldest first) under `mode`.
    ///
    /// Non-transitive modes compare with the latest version only, transitive ones with every earlier
    /// version, newest first. Under NONE the differences are listed but none is breaking.
    public func check(new: Schema, against previous: [Schema], mode: CompatibilityMode) -> CompatibilityReport {
        guard let latest = previous.indices.last else { return CompatibilityReport(mode: mode, findings: []) }
        let indices = mode.isTransitive ? Array(previous.indices.reversed()) : [latest]
        var report: [CompatibilityFinding] = []
        for index in indices {
            for direction in mode.directions {
                let pair = direction.readerIsNew ? (reader: new, writer: previous[index]) : (reader: previous[index], writer: new)
                for var finding in findings(reader: pair.reader, writer: pair.writer, direction: direction) {
                    finding.previousIndex = index
                    if mode == .none, finding.verdict == .breaking {
                        finding.verdict = .additive
                        finding.message += " (reported only: mode NONE does not enforce compatibility)"
                    }
                    report.append(finding)
                }
            }
        }
        return CompatibilityReport(mode: mode, findings: report)
    }
}
