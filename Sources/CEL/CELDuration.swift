/// A signed span of time in nanoseconds, within the 64-bit nanosecond range (about ±292 years),
/// the range the CEL conformance suite and cel-go enforce (CEL langdef "Overflow").
public struct CELDuration: Sendable, Hashable, Comparable {
    /// The signed length in nanoseconds.
    public let nanoseconds: Int64

    /// A duration of `nanoseconds`.
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    static let rangeError = CELError(.range, "duration out of range (about ±292 years, ±9223372036s)")

    /// `seconds` plus `nanos`, or a range error.
    init(seconds: Int64, nanos: Int64) throws(CELError) {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = scaled.addingReportingOverflow(nanos)
        guard !overflow, !carry else { throw Self.rangeError }
        nanoseconds = total
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    func adding(_ other: CELDuration) throws(CELError) -> CELDuration {
        let (total, overflow) = nanoseconds.addingReportingOverflow(other.nanoseconds)
        guard !overflow else { throw Self.rangeError }
        return CELDuration(nanoseconds: total)
    }

    func negated() throws(CELError) -> CELDuration {
        guard nanoseconds != .min else { throw Self.rangeError }
        return CELDuration(nanoseconds: -nanoseconds)
    }

    /// The protobuf JSON form: `3600s`, `1.5s`, `-0.000000001s`.
    public var text: String {
        let magnitude = nanoseconds.magnitude
        let fraction = CELTimestamp.fraction(Int32(magnitude % 1_000_000_000))
        return (nanoseconds < 0 ? "-" : "") + String(magnitude / 1_000_000_000) + fraction + "s"
    }

    /// Parses Go duration syntax (`1h30m`, `1.5s`, `-250ms`, `0`): units h, m, s, ms, us, µs, ns;
    /// nil when malformed, a range error when too long.
    init?(parsing text: String) throws(CELError) {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars.removeFirst()
        }
        if String(scalars) == "0" {
            nanoseconds = 0
            return
        }
        guard !scalars.isEmpty else { return nil }
        let isDigit = { (scalar: Unicode.Scalar) in scalar >= "0" && scalar <= "9" }
        var total: UInt64 = 0
        while !scalars.isEmpty {
            let whole = scalars.prefix(while: isDigit)
            scalars.removeFirst(whole.count)
            var fraction = Substring.UnicodeScalarView()
            if scalars.first == "." {
                scalars.removeFirst()
                fraction = scalars.prefix(while: isDigit)
                scalars.removeFirst(fraction.count)
            }
            guard !(whole.isEmpty && fraction.isEmpty) else { return nil }
            let unit = String(scalars.prefix { !isDigit($0) && $0 != "." })
            scalars.removeFirst(unit.unicodeScalars.count)
            guard let unitNanos = Self.unitNanos[unit] else { return nil }
            guard let wholeValue = whole.isEmpty ? 0 : UInt64(String(whole)) else { throw Self.rangeError }
            let (wholeNanos, overflow) = wholeValue.multipliedReportingOverflow(by: unitNanos)
            var fractionNanos: UInt64 = 0
            var scale = unitNanos
            for digit in fraction.prefix(19) {
                scale /= 10
                fractionNanos += UInt64(digit.value - 48) * scale
            }
            let (sum, carry) = total.addingReportingOverflow(wholeNanos + fractionNanos)
            guard !overflow, !carry, sum <= UInt64(Int64.max) + (negative ? 1 : 0) else { throw Self.rangeError }
            total = sum
        }
        nanoseconds = negative ? Int64(truncatingIfNeeded: 0 &- total) : Int64(total)
    }

    private static let unitNanos: [String: UInt64] = [
        "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
        "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]
}
