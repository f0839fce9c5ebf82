import JSON

/// A plan (its JSON form, so local and remote plans read alike) for the terminal: one row per
/// document that changes, its details indented below it, and the counts.
enum PlanTable {
    static func render(_ plan: JSONValue) -> String {
        let documents = (plan["documents"]?.arrayValue ?? []).filter { $0["action"] != "unchanged" }
        var lines: [String] = []
        for document in documents {
            let cells = ["action", "kind", "id", "version", "path"].map { document[$0]?.stringValue ?? "-" }
            lines.append(cells.joined(separator: "  "))
            if let refusal = document["refusal"] {
                lines.append("    refused [\(refusal["code"]?.stringValue ?? "")]: \(refusal["message"]?.stringValue ?? "")")
                for issue in refusal["issues"]?.arrayValue ?? [] {
                    let location = issue["location"]?.stringValue.map { "\($0): " } ?? ""
                    lines.append("      \(location)\(issue["pointer"]?.stringValue ?? ""): \(issue["message"]?.stringValue ?? "")")
                }
                for dependant in refusal["dependants"]?.arrayValue ?? [] { lines.append("      depended on by \(dependant.stringValue ?? "")") }
            }
            for difference in document["diff"]?.arrayValue ?? [] {
                let old = difference["old"]?.encoded() ?? "(absent)"
                let new = difference["new"]?.encoded() ?? "(absent)"
                lines.append("    ~ \(difference["pointer"]?.stringValue ?? ""): \(old) → \(new)")
            }
            for finding in document["findings"]?.arrayValue ?? [] {
                let path = (finding["oldPath"] ?? finding["newPath"])?.stringValue ?? ""
                lines.append("    \(finding["verdict"]?.stringValue ?? "") \(finding["rule"]?.stringValue ?? "") \(path): \(finding["message"]?.stringValue ?? "")")
            }
            if document["semver"]?["allowed"] == false {
                lines.append("    semver: the bump is too small; use \(document["semver"]?["suggestedVersion"]?.stringValue ?? "")")
            }
            for violation in document["violations"]?.arrayValue ?? [] {
                lines.append("    policy \(violation["severity"]?.stringValue ?? "") \(violation["policy"]?.stringValue ?? ""): \(violation["message"]?.stringValue ?? "")")
            }
            for product in document["impact"]?.arrayValue ?? [] {
                let columns = (product["columns"]?.arrayValue ?? []).compactMap(\.stringValue)
                lines.append("    breaks \(product["product"]?.stringValue ?? "") (team \(product["team"]?.stringValue ?? "-"))"
                             + (columns.isEmpty ? "" : ": columns \(columns.joined(separator: ", "))"))
            }
        }
        lines.append("plan: \(summary(plan))")
        return lines.joined(separator: "\n")
    }

    /// "1 to add, 2 to change, 0 to retire, 1 refused, 5 unchanged".
    static func summary(_ plan: JSONValue) -> String {
        let summary = plan["summary"]
        func count(_ action: String) -> Int64 { summary?[action]?.integerValue ?? 0 }
        return "\(count("add")) to add, \(count("change")) to change, \(count("retire")) to retire, \(count("refuse")) refused, \(count("unchanged")) unchanged"
    }
}
