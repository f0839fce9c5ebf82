/// A point in time with nanosecond precision, between 0001-01-01T00:00:00Z and
/// 9999-12-31T23:59:59.999999999Z (CEL langdef "Timestamp and Duration"; google.protobuf.Timestamp).
public struct CELTimestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second, 0 ..< 1_000_000_000.
    public let nanos: Int32

    static let minimumSeconds: Int64 = -62_135_596_800
    static let maximumSeconds: Int64 = 253_402_300_799

    /// The timestamp, or a range error when it falls outside years 1 to 9999.
    public init(seconds: Int64, nanos: Int64 = 0) throws(CELError) {
        let (carry, nanos) = nanos.floorDividedAndModulo(by: 1_000_000_000)
        let (total, overflow) = seconds.addingReportingOverflow(carry)
        guard !overflow, (Self.minimumSeconds...Self.maximumSeconds).contains(total) else {
            throw CELError(.range, "timestamp out of range (years 1 to 9999)")
        }
        self.seconds = total
        self.nanos = Int32(nanos)
    }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// The timestamp moved by `duration`, or a range error.
    func adding(_ duration: CELDuration) throws(CELError) -> CELTimestamp {
        let (durationSeconds, durationNanos) = duration.nanoseconds.floorDividedAndModulo(by: 1_000_000_000)
        return try CELTimestamp(seconds: seconds + durationSeconds, nanos: Int64(nanos) + durationNanos)
    }

    /// The duration from `other` to this timestamp, or a range error.
    func subtracting(_ other: CELTimestamp) throws(CELError) -> CELDuration {
        try CELDuration(seconds: seconds - other.seconds, nanos: Int64(nanos) - Int64(other.nanos))
    }

    /// Parses RFC 3339 (`2024-01-02T03:04:05.5Z`, `…+01:00`); nil when malformed or out of range.
    init?(rfc3339 text: String) {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t"),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        var nanos: Int64 = 0
        if scanner.skip(".") {
            var digits = 0
            while let digit = scanner.number(digits: 1) {
                digits += 1
                guard digits <= 9 else { return nil }
                nanos = nanos * 10 + digit
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanos *= 10 }
        }
        var offset: Int64 = 0
        if !(scanner.skip("Z") || scanner.skip("z")) {
            let sign: Int64
            if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
            guard let offsetHours = scanner.number(digits: 2), scanner.skip(":"),
                let offsetMinutes = scanner.number(digits: 2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.isAtEnd, (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        guard let timestamp = try? CELTimestamp(seconds: local - offset, nanos: nanos) else { return nil }
        self = timestamp
    }

    /// RFC 3339 in UTC, with fractional seconds only when non-zero: `2024-01-02T03:04:05Z`.
    public var rfc3339: String {
        let (days, secondOfDay) = seconds.floorDividedAndModulo(by: 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        var text = Self.padded(date.year, 4) + "-" + Self.padded(date.month, 2) + "-" + Self.padded(date.day, 2)
        text += "T" + Self.padded(secondOfDay / 3600, 2) + ":" + Self.padded(secondOfDay / 60 % 60, 2)
        text += ":" + Self.padded(secondOfDay % 60, 2)
        return text + Self.fraction(nanos) + "Z"
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// ".5", ".000000001", or "" for zero nanoseconds.
    static func fraction(_ nanos: Int32) -> String {
        guard nanos > 0 else { return "" }
        var digits = padded(Int64(nanos), 9)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }
}
