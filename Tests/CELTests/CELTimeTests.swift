import CEL
import Testing

@Suite("Timestamps and durations (CEL langdef \"Timestamp and Duration\")")
struct CELTimeTests {
    @Test("timestamps parse RFC 3339 with offsets and print in UTC", arguments: [
        ("timestamp('2024-01-02T03:04:05Z')", "2024-01-02T03:04:05Z"),
        ("timestamp('2024-01-02T03:04:05.120Z')", "2024-01-02T03:04:05.12Z"),
        ("timestamp('2024-01-02T01:00:00+02:30')", "2024-01-01T22:30:00Z"),
        ("timestamp('0001-01-01T00:00:00Z')", "0001-01-01T00:00:00Z"),
        ("timestamp('9999-12-31T23:59:59.999999999Z')", "9999-12-31T23:59:59.999999999Z"),
        ("timestamp(1700000000)", "2023-11-14T22:13:20Z"),
        ("timestamp('2024-02-29T00:00:00Z') + duration('24h')", "2024-03-01T00:00:00Z"),
        ("timestamp('2024-01-01T00:00:00Z') - duration('1ns')", "2023-12-31T23:59:59.999999999Z"),
    ])
    func timestamps(_ source: String, _ expected: String) throws {
        #expect(try evaluate("string(\(source))") == .string(expected))
    }

    @Test("malformed timestamps fail to convert; out-of-range ones are range errors", arguments: [
        ("timestamp('2024-02-30T00:00:00Z')", CELError.Code.conversion), ("timestamp('2024-01-02 03:04:05Z')", .conversion),
        ("timestamp('2024-01-02T03:04:05')", .conversion), ("timestamp('10000-01-01T00:00:00Z')", .conversion),
        ("timestamp('2024-01-02T03:04:05.1234567891Z')", .conversion),
        ("timestamp(-62135596801)", .range), ("timestamp(253402300800)", .range),
        ("timestamp('9999-12-31T23:59:59Z') + duration('1s')", .range), ("timestamp('0001-01-01T00:00:00Z') - duration('1ns')", .range),
    ])
    func timestampErrors(_ source: String, _ code: CELError.Code) throws {
        #expect(try evaluate(source).error?.code == code)
    }

    @Test("durations parse Go syntax and print as seconds", arguments: [
        ("duration('1h30m')", "5400s"), ("duration('1.5s')", "1.5s"), ("duration('-250ms')", "-0.25s"),
        ("duration('1us') + duration('1µs')", "0.000002s"), ("duration('0')", "0s"), ("duration('2h45m30.5s')", "9930.5s"),
        ("timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z')", "86400s"),
        ("duration('2562047h')", "9223369200s"),
    ])
    func durations(_ source: String, _ expected: String) throws {
        #expect(try evaluate("string(\(source))") == .string(expected))
    }

    @Test("malformed durations fail to convert; out-of-range ones are range errors", arguments: [
        ("duration('1d')", CELError.Code.conversion), ("duration('')", .conversion), ("duration('5')", .conversion),
        ("duration('h')", .conversion), ("duration('2562048h')", .range), ("duration('9223372036854775808ns')", .range),
        ("duration('2562047h') + duration('2562047h')", .range),
        ("timestamp('9999-12-31T00:00:00Z') - timestamp('0001-01-01T00:00:00Z')", .range),
    ])
    func durationErrors(_ source: String, _ code: CELError.Code) throws {
        #expect(try evaluate(source).error?.code == code)
    }

    @Test("timestamp accessors read UTC or a given time zone", arguments: [
        ("getFullYear()", 2024), ("getMonth()", 1), ("getDate()", 29), ("getDayOfMonth()", 28),
        ("getDayOfWeek()", 4), ("getDayOfYear()", 59), ("getHours()", 23), ("getMinutes()", 45),
        ("getSeconds()", 30), ("getMilliseconds()", 250),
        ("getDate('+01:00')", 1), ("getMonth('Europe/Paris')", 2), ("getHours('-05:00')", 18),
        ("getHours('Asia/Kolkata')", 5), ("getMinutes('Asia/Kolkata')", 15), ("getDayOfWeek('Asia/Tokyo')", 5),
    ])
    func timestampAccessors(_ accessor: String, _ expected: Int64) throws {
        #expect(try evaluate("timestamp('2024-02-29T23:45:30.250Z').\(accessor)") == .int(expected))
    }

    @Test("an unknown or malformed time zone is an error")
    func unknownZone() throws {
        #expect(try evaluate("timestamp(0).getHours('Mars/Olympus')").error?.code == .invalidArgument)
        #expect(try evaluate("timestamp(0).getHours('../../../etc/passwd')").error?.code == .invalidArgument)
        #expect(try evaluate("timestamp(0).getHours('UTC')") == .int(0))
    }

    @Test("duration accessors give the whole duration in the unit", arguments: [
        ("duration('3730s').getHours()", 1), ("duration('3730s').getMinutes()", 62), ("duration('3730.5s').getSeconds()", 3730),
        ("duration('1.234s').getMilliseconds()", 1234), ("duration('-90m').getHours()", -1),
    ])
    func durationAccessors(_ source: String, _ expected: Int64) throws {
        #expect(try evaluate(source) == .int(expected))
    }

    @Test("timestamps and durations compare and convert", arguments: [
        ("timestamp('2024-01-01T00:00:00Z') < timestamp('2024-01-01T00:00:00.000000001Z')", CELValue.bool(true)),
        ("duration('90m') == duration('1h30m')", .bool(true)),
        ("duration('-1s') < duration('0s')", .bool(true)),
        ("now - timestamp('2024-01-01T00:00:00Z') > duration('24h')", .bool(true)),
        ("int(timestamp('1970-01-02T00:00:00Z'))", .int(86_400)),
    ])
    func comparisons(_ source: String, _ expected: CELValue) throws {
        let now = try evaluate("timestamp('2024-06-01T12:00:00Z')")
        #expect(try evaluate(source, ["now": now]) == expected)
    }

    @Test("timestamps and durations do not mix in comparisons")
    func mixedComparison() throws {
        let error = try evaluate("timestamp('2024-01-01T00:00:00Z') < duration('1s')").error
        #expect(error?.code == .noSuchOverload)
        #expect(error?.message == "no such overload for '_<_' applied to (google.protobuf.Timestamp, google.protobuf.Duration)")
    }
}
