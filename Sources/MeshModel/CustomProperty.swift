import JSON

/// One `{property, value}` entry of a standard's `customProperties` list.
struct CustomProperty: Sendable, Hashable {
    let name: String
    let value: JSONValue
    /// Where the entry is, e.g. `/customProperties/0`.
    let pointer: JSONPointer

    /// The entries as a dictionary; the first entry of a name wins (registry rules flag the rest).
    static func dictionary(_ entries: [CustomProperty]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in entries where result[entry.name] == nil { result[entry.name] = entry.value }
        return result
    }
}
