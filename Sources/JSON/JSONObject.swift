/// A JSON object whose members keep the order in which they were added.
///
/// Equality and hashing ignore order, as JSON does; iteration and encoding follow it.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The members in order.
    private(set) var members: [(key: String, value: JSONValue)] = []
    /// Each key's position in `members`, kept only past `linearSearchLimit` members: most
    /// objects are small, and scanning a few keys is cheaper than hashing one.
    private var positions: [String: Int]?

    private static let linearSearchLimit = 16

    public init() {}

    /// Builds an object from members in order; a later duplicate key replaces the value in place.
    public init(_ members: [(key: String, value: JSONValue)]) {
        for member in members { self[member.key] = member.value }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    /// The member's value; assigning nil removes the member, assigning a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            switch (position(of: key), newValue) {
            case (let position?, let newValue?):
                members[position].value = newValue
            case (nil, let newValue?):
                members.append((key, newValue))
                if positions != nil {
                    positions![key] = members.count - 1
                } else if members.count > Self.linearSearchLimit {
                    indexPositions()
                }
            case (let position?, nil):
                members.remove(at: position)
                positions = nil
                if members.count > Self.linearSearchLimit { indexPositions() }
            case (nil, nil):
                break
            }
        }
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    private mutating func indexPositions() {
        positions = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element.key, $0.offset) })
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        members.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Combines the members' hashes with XOR, as `Dictionary` does, so order does not matter.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
