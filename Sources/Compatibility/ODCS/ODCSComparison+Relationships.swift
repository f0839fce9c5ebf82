import JSON

extension ODCSComparison {
    /// `relationships` of an object or a property: each is identified by its `id` (ODCS v3.2.0)
    /// when both versions give one, else by its `from` and `to`. Consumers join along them, so a
    /// relationship that goes away or points elsewhere breaks them; a new one is additive.
    mutating func compareRelationships(_ readerJSON: JSONValue, _ writerJSON: JSONValue, reader: JSONPointer, writer: JSONPointer) {
        let (oldJSON, newJSON) = direction.readerIsNew ? (writerJSON, readerJSON) : (readerJSON, writerJSON)
        let (oldPointer, newPointer) = direction.readerIsNew ? (writer, reader) : (reader, writer)
        let old = Self.relationships(in: oldJSON)
        let new = Self.relationships(in: newJSON)
        var matched: Set<Int> = []
        for (oldIndex, relationship) in old.enumerated() {
            let match = new.indices.first { !matched.contains($0) && Self.isSame(relationship, new[$0]) }
            let oldPath = oldPointer / "relationships" / oldIndex
            guard let newIndex = match else {
                addOldNew("odcs.relationship-removed", .breaking, old: oldPath, new: nil,
                          expected: Self.text(relationship), found: "absent",
                          message: "the relationship \(Self.text(relationship)) was removed; consumers joining along it break")
                continue
            }
            matched.insert(newIndex)
            if Self.target(relationship) != Self.target(new[newIndex]) {
                addOldNew("odcs.relationship-changed", .breaking, old: oldPath, new: newPointer / "relationships" / newIndex,
                          expected: Self.text(relationship), found: Self.text(new[newIndex]),
                          message: "the relationship '\(relationship["id"]?.stringValue ?? "")' now points elsewhere; joins along it change meaning")
            }
        }
        for newIndex in new.indices where !matched.contains(newIndex) {
            addOldNew("odcs.relationship-added", .additive, old: nil, new: newPointer / "relationships" / newIndex,
                      expected: "absent", found: Self.text(new[newIndex]), message: "the relationship \(Self.text(new[newIndex])) was added")
        }
    }

    /// Adds a finding given the paths in the old and new documents.
    private mutating func addOldNew(
        _ rule: String, _ verdict: CompatibilityVerdict, old: JSONPointer?, new: JSONPointer?, expected: String, found: String, message: String
    ) {
        let (reader, writer) = direction.readerIsNew ? (new, old) : (old, new)
        add(rule, verdict, reader: reader, writer: writer, expected: expected, found: found, message: message)
    }

    private static func relationships(in json: JSONValue) -> [JSONValue] {
        json["relationships"]?.arrayValue ?? []
    }

    private static func isSame(_ old: JSONValue, _ new: JSONValue) -> Bool {
        if let oldId = old["id"]?.stringValue, let newId = new["id"]?.stringValue { return oldId == newId }
        return target(old) == target(new)
    }

    /// What a relationship connects: its type (default foreignKey), `from` and `to`.
    private static func target(_ relationship: JSONValue) -> [JSONValue?] {
        [relationship["type"] ?? "foreignKey", relationship["from"], relationship["to"]]
    }

    private static func text(_ relationship: JSONValue) -> String {
        let to = relationship["to"]?.encoded() ?? "?"
        let from = relationship["from"].map { "from \($0.encoded()) " } ?? ""
        return relationship["id"]?.stringValue.map { "'\($0)' (\(from)to \(to))" } ?? "\(from)to \(to)"
    }
}
