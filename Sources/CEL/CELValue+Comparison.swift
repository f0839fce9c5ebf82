/// The result of ordering two CEL values.
enum CELOrdering: Sendable {
    case less, equal, greater
    /// At least one side is NaN: every comparison is false and `!=` is true.
    case unordered
}

extension CELValue {
    /// CEL `==` (CEL langdef "Equality"): numbers compare by value across int, uint and double,
    /// lists and maps element-wise, and values of different non-numeric types are unequal.
    public func celEquals(_ other: CELValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.type(let a), .type(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.celEquals($1) }
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let otherValue = b[key], value.celEquals(otherValue) else { return false }
            }
            return true
        default:
            return numericOrdering(other) == .equal
        }
    }

    /// CEL ordering (`<`, `<=`, `>`, `>=`), or nil when the types have no ordering overload.
    func celCompare(_ other: CELValue) -> CELOrdering? {
        switch (self, other) {
        case (.string(let a), .string(let b)):
            return a.utf8.elementsEqual(b.utf8) ? .equal : (a.utf8.lexicographicallyPrecedes(b.utf8) ? .less : .greater)
        case (.bytes(let a), .bytes(let b)):
            return a == b ? .equal : (a.lexicographicallyPrecedes(b) ? .less : .greater)
        case (.bool(let a), .bool(let b)): return Self.order(a ? 1 : 0, b ? 1 : 0)
        case (.timestamp(let a), .timestamp(let b)): return Self.order(a, b)
        case (.duration(let a), .duration(let b)): return Self.order(a, b)
        default: return numericOrdering(other)
        }
    }

    /// Ordering across int, uint and double; ints compare exactly with uints, and with doubles
    /// as doubles, as the CEL conformance suite expects.
    private func numericOrdering(_ other: CELValue) -> CELOrdering? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return Self.order(a, b)
        case (.uint(let a), .uint(let b)): return Self.order(a, b)
        case (.double(let a), .double(let b)): return Self.order(a, b)
        case (.int(let a), .uint(let b)): return a < 0 ? .less : Self.order(UInt64(a), b)
        case (.uint(let a), .int(let b)): return b < 0 ? .greater : Self.order(a, UInt64(b))
        case (.int(let a), .double(let b)): return Self.order(Double(a), b)
        case (.double(let a), .int(let b)): return Self.order(a, Double(b))
        case (.uint(let a), .double(let b)): return Self.order(Double(a), b)
        case (.double(let a), .uint(let b)): return Self.order(a, Double(b))
        default: return nil
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> CELOrdering {
        a < b ? .less : (a > b ? .greater : (a == b ? .equal : .unordered))
    }

    /// A short CEL-like rendering for error messages: `'name'`, `42`, `7u`, `b"…"`.
    var debugText: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .uint(let value): "\(value)u"
        case .double(let value): String(value)
        case .string(let value): "'\(value.count > 40 ? value.prefix(40) + "…" : value)'"
        case .bytes(let value): "bytes of length \(value.count)"
        case .list(let value): "list of \(value.count) elements"
        case .map(let value): "map of \(value.count) entries"
        case .timestamp(let value): "timestamp('\(value.rfc3339)')"
        case .duration(let value): "duration('\(value.text)')"
        case .type(let value): value.name
        case .error(let error): "error(\(error.message))"
        }
    }
}
