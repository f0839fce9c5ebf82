import Foundation

/// ISO-8601 UTC text with milliseconds, the one time format of the store: `2026-11-25T12:04:00.000Z`.
enum Timestamp {
    static func string(from date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient)
        let remainder = Int(((milliseconds % 1000) + 1000) % 1000)
        if milliseconds < 0 && remainder != 0 { seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), remainder)
    }
}
