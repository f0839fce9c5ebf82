import JSON
import MeshModel
import YAML

extension DocumentSubmission {
    /// The submitted text with `upgrade`'s changes made in place, so comments, key order and
    /// layout stay as they were (docs/ARCHITECTURE.md, "Standard versions").
    ///
    /// A YAML file is edited line by line: a scalar is replaced where it stands, a key is inserted
    /// after its anchor's line, a list element's lines are removed. A JSON file gets its scalars
    /// replaced in place and, when keys are added or removed, is written again with two-space
    /// indentation in its own key order.
    public func upgradedText(_ upgrade: StandardUpgrade) throws(StandardUpgradeError) -> String {
        let text = String(decoding: original, as: UTF8.self)
        guard let yaml else {
            let onlyScalars = upgrade.changes.allSatisfy { if case .replaceValue = $0.edit { true } else { false } }
            guard onlyScalars else { return upgrade.applied(to: json).encoded(.prettyPrinted) + "\n" }
            var lines = Self.lines(of: text)
            let pointers = upgrade.changes.compactMap { if case .replaceValue(let pointer, _) = $0.edit { pointer } else { nil } }
            for (change, location) in zip(upgrade.changes, JSONParser.locations(of: pointers, in: original)) {
                guard case .replaceValue(_, let value) = change.edit, let location else { continue }
                try Self.replaceScalar(in: &lines, line: location.line, column: location.column, with: value)
            }
            return lines.joined(separator: "\n")
        }
        var lines = Self.lines(of: text)
        // Edits that add or remove lines go from the bottom up so earlier line numbers stay valid.
        var lineEdits: [(line: Int, apply: (inout [String]) throws(StandardUpgradeError) -> Void)] = []
        for change in upgrade.changes {
            switch change.edit {
            case .replaceValue(let pointer, let value):
                let location = try Self.location(of: pointer, in: yaml)
                try Self.replaceScalar(in: &lines, line: location.line, column: location.column, with: value)
            case .insertKey(let key, let value, let anchor):
                let line = try Self.location(of: .root / anchor, in: yaml).line
                lineEdits.append((line, { lines in lines.insert("\(key): \(Self.scalarText(value, quote: nil))", at: line) }))
            case .removeElement(let pointer, let removesArray):
                let start = try Self.location(of: pointer, in: yaml).line
                lineEdits.append((start, { lines throws(StandardUpgradeError) in try Self.removeElement(at: start, removesKey: removesArray, in: &lines) }))
            }
        }
        for edit in lineEdits.sorted(by: { $0.line > $1.line }) { try edit.apply(&lines) }
        return lines.joined(separator: "\n")
    }

    private static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func location(of pointer: JSONPointer, in yaml: YAMLDocument) throws(StandardUpgradeError) -> SourceLocation {
        guard let location = yaml.location(of: pointer) else { throw StandardUpgradeError("\(pointer): cannot find it in the file") }
        return location
    }

    /// Replaces the scalar starting at `line`:`column` (1-based), keeping its quoting.
    private static func replaceScalar(in lines: inout [String], line: Int, column: Int, with value: JSONValue) throws(StandardUpgradeError) {
        guard lines.indices.contains(line - 1) else { throw StandardUpgradeError("\(line):\(column): no such line") }
        let scalars = Array(lines[line - 1].unicodeScalars)
        let start = column - 1
        guard scalars.indices.contains(start) else { throw StandardUpgradeError("\(line):\(column): no value there") }
        var end = start
        let quote: Unicode.Scalar? = ["\"", "'"].contains(scalars[start]) ? scalars[start] : nil
        if let quote {
            end = start + 1
            while end < scalars.count, scalars[end] != quote { end += 1 }
            guard end < scalars.count else { throw StandardUpgradeError("\(line):\(column): a quoted value spanning lines; edit it by hand") }
            end += 1
        } else {
            while end < scalars.count, ![",", "}", "]", "#"].contains(scalars[end]) { end += 1 }
            while end > start, scalars[end - 1] == " " { end -= 1 }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<start])
        result.append(contentsOf: scalarText(value, quote: quote).unicodeScalars)
        result.append(contentsOf: scalars[end...])
        lines[line - 1] = String(result)
    }

    private static func scalarText(_ value: JSONValue, quote: Unicode.Scalar?) -> String {
        let text = value.stringValue ?? value.encoded()
        guard let quote else { return text }
        return quote == "\"" ? value.encoded() : "'\(text)'"
    }

    /// Removes the block-list element starting on `line` (1-based): its `- ` line and the more
    /// indented lines after it; with `removesKey`, also the key line above it.
    private static func removeElement(at line: Int, removesKey: Bool, in lines: inout [String]) throws(StandardUpgradeError) {
        let start = line - 1
        guard lines.indices.contains(start), let dash = lines[start].firstIndex(where: { $0 != " " }), lines[start][dash] == "-" else {
            throw StandardUpgradeError("\(line): the list is not in block style (`- ` per element); edit it by hand")
        }
        let indent = lines[start].distance(from: lines[start].startIndex, to: dash)
        var end = start + 1
        while end < lines.count {
            let content = lines[end].drop { $0 == " " }
            if !content.isEmpty, !content.hasPrefix("#"), lines[end].count - content.count <= indent { break }
            end += 1
        }
        var first = start
        if removesKey {
            guard start > 0, lines[start - 1].hasSuffix(":") else {
                throw StandardUpgradeError("\(line): cannot find the list's key on the line above; edit it by hand")
            }
            first = start - 1
        }
        lines.removeSubrange(first..<end)
    }
}
