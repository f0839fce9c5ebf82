#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// ISO-8601 UTC text with milliseconds, the one time format of the store and the logs:
/// `2026-11-25T12:04:00.000Z`.
public enum Timestamp {
    public static func string(from date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let remainder = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        append(Int(parts.tm_year) + 1900, width: 4, then: "-", to: &text)
        append(Int(parts.tm_mon) + 1, width: 2, then: "-", to: &text)
        append(Int(parts.tm_mday), width: 2, then: "T", to: &text)
        append(Int(parts.tm_hour), width: 2, then: ":", to: &text)
        append(Int(parts.tm_min), width: 2, then: ":", to: &text)
        append(Int(parts.tm_sec), width: 2, then: ".", to: &text)
        append(remainder, width: 3, then: "Z", to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    public static var now: String { string(from: Date()) }

    /// The time of a stored timestamp (or any RFC 3339 time with fractional seconds); nil for other text.
    public static func date(from text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    /// Appends non-negative `value` in decimal, zero-padded to `width` digits (more when it needs
    /// them), then `separator`.
    private static func append(_ value: Int, width: Int, then separator: Unicode.Scalar, to text: inout [UInt8]) {
        var digits = 1
        var magnitude = 10
        while magnitude <= value {
            digits += 1
            magnitude *= 10
        }
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, digits)))
        var rest = value
        var index = text.count - 1
        while rest > 0 {
            text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        text.append(UInt8(separator.value))
    }
}
