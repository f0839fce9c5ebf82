import JSON

/// A plan (its JSON form, so local and remote plans read alike) as a pull-request comment: the
/// summary and a table of what changes first, then each document's details folded away. Code
/// spans (which do not wrap) are cut short so nothing is wider than a pull-request page.
enum PlanMarkdown {
    static let codeLimit = 60

    static func render(_ plan: JSONValue) -> String {
        let documents = plan["documents"]?.arrayValue ?? []
        let changing = documents.filter { $0["action"] != "unchanged" }
        var lines = ["### meshreg plan: \(PlanTable.summary(plan))", ""]
        if changing.isEmpty {
            lines.append("Nothing to do: the registry already holds every document.")
            return lines.joined(separator: "\n")
        }
        lines += ["| | Action | Kind | Id | Version | File |", "|---|---|---|---|---|---|"]
        for document in changing {
            lines.append(row([symbol(document), text(document["action"]), text(document["kind"]), text(document["id"]),
                              text(document["version"]), path(text(document["path"]))]))
        }
        let unchanged = documents.count - changing.count
        if unchanged > 0 { lines += ["", "\(unchanged) more unchanged."] }
        for document in changing {
            let details = self.details(document)
            guard !details.isEmpty else { continue }
            let title = [text(document["action"]), text(document["kind"]), text(document["id"]), text(document["version"])].filter { !$0.isEmpty }
            lines += ["", "<details><summary>\(symbol(document)) \(escape(title.joined(separator: " ")))</summary>", ""] + details + ["", "</details>"]
        }
        return lines.joined(separator: "\n")
    }

    private static func details(_ document: JSONValue) -> [String] {
        var lines: [String] = []
        if let refusal = document["refusal"] {
            lines.append("**Refused** (`\(text(refusal["code"]))`): \(escape(text(refusal["message"])))")
            for issue in refusal["issues"]?.arrayValue ?? [] {
                let location = [issue["location"], issue["pointer"]].compactMap { $0?.stringValue }.filter { !$0.isEmpty }.map(code).joined(separator: " ")
                lines.append("- \(location) \(escape(text(issue["message"])))")
            }
            for dependant in refusal["dependants"]?.arrayValue ?? [] { lines.append("- depended on by `\(text(dependant))`") }
        }
        if let diff = document["diff"]?.arrayValue, !diff.isEmpty {
            lines += ["", "**Changes**", "", "| Field | Old | New |", "|---|---|---|"]
            lines += diff.map { row([code($0["pointer"]?.stringValue ?? ""), value($0["old"]), value($0["new"])]) }
        }
        if let compatibility = document["compatibility"] {
            var verdict = "\(text(compatibility["mode"])) against \(text(compatibility["previousVersion"])): "
                + (compatibility["isCompatible"] == true ? "compatible" : "incompatible") + ", change \(text(compatibility["changeClass"]))"
            if document["semver"]?["allowed"] == false { verdict += "; the version bump is too small, use \(text(document["semver"]?["suggestedVersion"]))" }
            lines += ["", "**Compatibility**: \(escape(verdict))"]
        }
        if let findings = document["findings"]?.arrayValue, !findings.isEmpty {
            lines += ["", "| Verdict | Rule | Path | Message |", "|---|---|---|---|"]
            let rows = findings.map { row([text($0["verdict"]), code(text($0["rule"])), code(text($0["oldPath"] ?? $0["newPath"])), escape(text($0["message"]))]) }
            lines += rows.enumerated().filter { index, row in !rows[..<index].contains(row) }.map(\.element)
        }
        if let violations = document["violations"]?.arrayValue, !violations.isEmpty {
            lines += ["", "**Policies**", "", "| Severity | Policy | Message |", "|---|---|---|"]
            lines += violations.map { row([text($0["severity"]), code(text($0["policy"])), escape(text($0["message"]))]) }
        }
        if let impact = document["impact"]?.arrayValue, !impact.isEmpty {
            lines += ["", "**Downstream impact**", "", "| Product | Team | Ports | Columns |", "|---|---|---|---|"]
            lines += impact.map { product in
                row([code(text(product["product"])), text(product["team"]), list(product["ports"]), list(product["columns"])])
            }
        }
        return lines.first == "" ? Array(lines.dropFirst()) : lines
    }

    private static func symbol(_ document: JSONValue) -> String {
        switch document["action"]?.stringValue {
        case "add": "🟢"
        case "change": "🟡"
        case "retire": "🟠"
        case "refuse": "❌"
        default: "⚪"
        }
    }

    private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let string)?: string
        case nil, .null?: ""
        case let other?: other.encoded()
        }
    }

    private static func value(_ value: JSONValue?) -> String { value.map { code($0.encoded()) } ?? "—" }

    private static func list(_ value: JSONValue?) -> String {
        escape((value?.arrayValue ?? []).map { text($0) }.joined(separator: ", "))
    }

    /// Inline code, cut short, with no character that ends a table cell or the code span.
    private static func code(_ text: String) -> String {
        let short = text.count <= codeLimit ? text : String(text.prefix(codeLimit - 1)) + "…"
        return text.isEmpty ? "" : "`" + short.replacing("`", with: "'").replacing("|", with: "\\|") + "`"
    }

    /// A file path as code, keeping its end (the file name) when it is cut short.
    private static func path(_ text: String) -> String {
        code(text.count <= codeLimit ? text : "…" + String(text.suffix(codeLimit - 2)))
    }

    /// Prose for a cell or a line: no character that ends a cell or opens HTML.
    private static func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("<", with: "&lt;").replacing("\n", with: " ")
    }
}
