/// A CEL map: keys are bool, int, uint or string (CEL langdef "Maps"); iteration keeps
/// insertion order, and lookups treat numerically equal int, uint and double keys as one key.
///
/// String keys compare with Swift `String` equality (Unicode canonical equivalence).
public struct CELMap: Sendable, Hashable, Sequence {
    /// The keys in insertion order.
    public private(set) var keys: [CELValue] = []
    /// The values, in the order of `keys`.
    public private(set) var values: [CELValue] = []
    private var positions: [Key: Int] = [:]

    /// The lookup key: numerically equal int, uint and integral double keys share one case.
    enum Key: Hashable {
        case bool(Bool)
        case integer(Int64)
        case largeUnsigned(UInt64)
        case string(String)

        /// The key for `value`, or nil when `value` cannot be a map key.
        init?(_ value: CELValue) {
            switch value {
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .integer(value)
            case .uint(let value): self = value <= UInt64(Int64.max) ? .integer(Int64(value)) : .largeUnsigned(value)
            case .string(let value): self = .string(value)
            case .double(let value):
                if let integer = Int64(exactly: value) {
                    self = .integer(integer)
                } else if let unsigned = UInt64(exactly: value) {
                    self = .largeUnsigned(unsigned)
                } else {
                    return nil
                }
            default: return nil
            }
        }
    }

    /// An empty map.
    public init() {}

    /// Builds a map from entries in order; refuses unsupported key types and repeated keys.
    public init(entries: [(key: CELValue, value: CELValue)]) throws(CELError) {
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        for entry in entries { try insert(entry.value, forKey: entry.key) }
    }

    /// Builds a map with string keys, as decoded from a JSON object.
    init(stringKeyed entries: some Sequence<(key: String, value: CELValue)>) {
        for entry in entries {
            let key = Key.string(entry.key)
            if let position = positions[key] {
                values[position] = entry.value
            } else {
                positions[key] = keys.count
                keys.append(.string(entry.key))
                values.append(entry.value)
            }
        }
    }

    /// Adds an entry; refuses a key of an unsupported type or one already present.
    mutating func insert(_ value: CELValue, forKey key: CELValue) throws(CELError) {
        if case .double = key { throw CELError(.invalidArgument, "unsupported map key type 'double'") }
        guard let lookup = Key(key) else {
            throw CELError(.invalidArgument, "unsupported map key type '\(key.type.name)'")
        }
        guard positions[lookup] == nil else { throw CELError(.invalidArgument, "repeated map key \(key.debugText)") }
        positions[lookup] = keys.count
        keys.append(key)
        values.append(value)
    }

    /// The number of entries.
    public var count: Int { keys.count }
    /// True when the map has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for `key` under CEL key equality, or nil when absent or not a possible key.
    public subscript(key: CELValue) -> CELValue? {
        guard let lookup = Key(key), let position = positions[lookup] else { return nil }
        return values[position]
    }

    /// The value for a string key (field selection `map.field`).
    public subscript(field: String) -> CELValue? {
        guard let position = positions[.string(field)] else { return nil }
        return values[position]
    }

    public func makeIterator() -> some IteratorProtocol<(key: CELValue, value: CELValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    public static func == (lhs: CELMap, rhs: CELMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs where rhs[key] != value { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(Set(positions.keys))
    }
}
