/// One field that differs between two JSON documents: where, and its value before and after
/// (nil where the field is absent on that side).
public struct JSONDifference: Sendable, Hashable {
    public var pointer: JSONPointer
    public var old: JSONValue?
    public var new: JSONValue?

    public init(pointer: JSONPointer, old: JSONValue?, new: JSONValue?) {
        self.pointer = pointer
        self.old = old
        self.new = new
    }

    /// The fields that differ from `old` to `new`, deepest first found, in document order:
    /// objects are compared member by member (order ignored), arrays element by element, and
    /// anything else (or values of different types) as a whole.
    public static func between(_ old: JSONValue?, _ new: JSONValue?, at pointer: JSONPointer = .root) -> [JSONDifference] {
        switch (old, new) {
        case let (.object(before)?, .object(after)?):
            var differences: [JSONDifference] = []
            for (key, value) in before { differences += between(value, after[key], at: pointer / key) }
            for (key, value) in after where before[key] == nil { differences.append(JSONDifference(pointer: pointer / key, old: nil, new: value)) }
            return differences
        case let (.array(before)?, .array(after)?):
            return (0..<max(before.count, after.count)).flatMap { index in
                between(element(index, of: before), element(index, of: after), at: pointer / index)
            }
        default:
            return old == new ? [] : [JSONDifference(pointer: pointer, old: old, new: new)]
        }
    }

    /// The element at `index`, or absent (never JSON `null`, which JSONValue's nil literal makes).
    private static func element(_ index: Int, of elements: [JSONValue]) -> JSONValue? {
        elements.indices.contains(index) ? .some(elements[index]) : .none
    }

    /// `{pointer, old?, new?}`: a side where the field is absent is left out.
    public var json: JSONValue {
        var object: JSONObject = ["pointer": .string(pointer.description)]
        object["old"] = old
        object["new"] = new
        return .object(object)
    }
}
