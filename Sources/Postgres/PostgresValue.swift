/// A value bound to a statement parameter. Parameters travel in PostgreSQL's text format, except
/// bytes, which travel in binary so that no escaping is involved.
public enum PostgresValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
    case bytes([UInt8])

    /// The parameter's wire form: its bytes and whether they are binary.
    var wireForm: (bytes: [UInt8], binary: Bool)? {
        switch self {
        case .null: nil
        case .text(let text): (Array(text.utf8), false)
        case .integer(let integer): (Array(String(integer).utf8), false)
        case .real(let real): (Array(Self.text(of: real).utf8), false)
        case .boolean(let boolean): (Array((boolean ? "true" : "false").utf8), false)
        case .bytes(let bytes): (bytes, true)
        }
    }

    private static func text(of real: Double) -> String {
        if real.isNaN { return "NaN" }
        if real.isInfinite { return real < 0 ? "-Infinity" : "Infinity" }
        return "\(real)"
    }
}

/// A Swift value that can be bound as a parameter.
public protocol PostgresBindable {
    var postgresValue: PostgresValue { get }
}

extension PostgresValue: PostgresBindable { public var postgresValue: PostgresValue { self } }
extension String: PostgresBindable { public var postgresValue: PostgresValue { .text(self) } }
extension Int: PostgresBindable { public var postgresValue: PostgresValue { .integer(Int64(self)) } }
extension Int64: PostgresBindable { public var postgresValue: PostgresValue { .integer(self) } }
extension Double: PostgresBindable { public var postgresValue: PostgresValue { .real(self) } }
extension Bool: PostgresBindable { public var postgresValue: PostgresValue { .boolean(self) } }
extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresValue: PostgresValue { self?.postgresValue ?? .null }
}
