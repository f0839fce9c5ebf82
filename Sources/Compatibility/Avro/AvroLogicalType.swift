/// An Avro logical type (Avro spec "Logical Types"); unknown names are kept so changes can be reported.
public enum AvroLogicalType: Sendable, Hashable, CustomStringConvertible {
    /// An arbitrary-precision decimal on bytes or fixed.
    case decimal(precision: Int, scale: Int)
    /// An RFC 4122 UUID on string (or fixed 16).
    case uuid
    /// Days since the Unix epoch, on int.
    case date
    /// Times of day in milliseconds (int) or microseconds (long).
    case timeMillis, timeMicros
    /// Instants since the Unix epoch, on long.
    case timestampMillis, timestampMicros, timestampNanos
    /// Local date-times without a zone, on long.
    case localTimestampMillis, localTimestampMicros, localTimestampNanos
    /// Months, days and milliseconds in a fixed of size 12.
    case duration
    /// A logical type the specification does not define; readers use the underlying type.
    case other(String)

    /// The `logicalType` name as written.
    public var name: String {
        switch self {
        case .decimal: "decimal"
        case .uuid: "uuid"
        case .date: "date"
        case .timeMillis: "time-millis"
        case .timeMicros: "time-micros"
        case .timestampMillis: "timestamp-millis"
        case .timestampMicros: "timestamp-micros"
        case .timestampNanos: "timestamp-nanos"
        case .localTimestampMillis: "local-timestamp-millis"
        case .localTimestampMicros: "local-timestamp-micros"
        case .localTimestampNanos: "local-timestamp-nanos"
        case .duration: "duration"
        case .other(let name): name
        }
    }

    public var description: String {
        if case .decimal(let precision, let scale) = self { return "decimal(\(precision),\(scale))" }
        return name
    }

    /// The logical types other than decimal, by name, with the primitive they annotate.
    static let simple: [String: (type: AvroLogicalType, underlying: String)] = [
        "uuid": (.uuid, "string"),
        "date": (.date, "int"),
        "time-millis": (.timeMillis, "int"),
        "time-micros": (.timeMicros, "long"),
        "timestamp-millis": (.timestampMillis, "long"),
        "timestamp-micros": (.timestampMicros, "long"),
        "timestamp-nanos": (.timestampNanos, "long"),
        "local-timestamp-millis": (.localTimestampMillis, "long"),
        "local-timestamp-micros": (.localTimestampMicros, "long"),
        "local-timestamp-nanos": (.localTimestampNanos, "long"),
    ]
}
