/// A CEL type, as a value (`type(1) == int`) and in variable declarations (CEL langdef "Types").
///
/// Runtime types are not parameterized: `type([1])` is `list`. `dyn` is for declarations only.
public enum CELType: String, Sendable, Hashable, CaseIterable {
    case null = "null_type"
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case list
    case map
    case timestamp = "google.protobuf.Timestamp"
    case duration = "google.protobuf.Duration"
    case type
    case dyn

    /// The CEL name of the type, as `string(type(x))` and error messages spell it.
    public var name: String { rawValue }

    /// The short name used in the result JSON `type` field: "int", "timestamp", "null", ….
    public var resultName: String {
        switch self {
        case .null: "null"
        case .timestamp: "timestamp"
        case .duration: "duration"
        default: rawValue
        }
    }

    /// The types an identifier can name in an expression (`int`, `google.protobuf.Timestamp`, …).
    static let byName: [String: CELType] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .dyn }.map { ($0.rawValue, $0) })

    /// True for int, uint and double, which compare across types (CEL langdef "Numeric values").
    var isNumeric: Bool { self == .int || self == .uint || self == .double }
}
