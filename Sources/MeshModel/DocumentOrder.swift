import JSON

/// Sorts issues into the order their locations appear in the document.
enum DocumentOrder {
    /// `issues` ordered by where their pointers lead in `document`: a parent before its children,
    /// members in key order, a missing member after its existing siblings, ties in reporting order.
    static func sorted(_ issues: [ValidationIssue], in document: JSONValue) -> [ValidationIssue] {
        issues.enumerated()
            .map { (position: position(of: $0.element.pointer, in: document), order: $0.offset, issue: $0.element) }
            .sorted { left, right in
                left.position != right.position
                    ? left.position.lexicographicallyPrecedes(right.position) : left.order < right.order
            }
            .map(\.issue)
    }

    /// One number per pointer token: the member's index among its object's keys, or the array index.
    private static func position(of pointer: JSONPointer, in document: JSONValue) -> [Int] {
        var current: JSONValue? = document
        return pointer.tokens.map { token in
            switch current {
            case .object(let object):
                current = object[token]
                return object.keys.firstIndex(of: token) ?? .max
            case .array(let elements):
                let index = Int(token) ?? .max
                current = elements.indices.contains(index) ? elements[index] : nil
                return index
            default:
                current = nil
                return .max
            }
        }
    }
}
