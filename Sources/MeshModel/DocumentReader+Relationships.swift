import JSON

extension DocumentReader {
    /// Checks `object`'s `relationships` against `shape`; ids (ODCS v3.2.0) are unique in the list.
    mutating func relationships(in object: JSONObject, shape: ObjectShape, at pointer: JSONPointer) {
        let entries = objects("relationships", in: object, shape: shape, at: pointer)
        refuseDuplicates(
            entries.compactMap { entry in entry.object["id"]?.stringValue.map { (name: $0, pointer: entry.pointer / "id") } }, "the relationship id")
    }
}
