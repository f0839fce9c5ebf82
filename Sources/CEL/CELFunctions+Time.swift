import FoundationEssentials

/// `timestamp()`, `duration()` and the timestamp and duration accessors (CEL langdef
/// "Timestamp and Duration"): timestamps read in UTC or in a time zone given by IANA name
/// (`America/New_York`) or offset (`+05:30`, `-02:00`).
extension CELFunctions {
    static let time: [String: CELFunction] = {
        var functions: [String: CELFunction] = [
            "timestamp": conversion("timestamp", from: [.string, .int, .timestamp], to: .timestamp) { value in
                switch value {
                case .timestamp: return value
                case .string(let text):
                    return CELTimestamp(rfc3339: text).map(CELValue.timestamp)
                        ?? .error(CELError(.conversion, "timestamp(\(value.debugText)) needs RFC 3339 text in years 1 to 9999, such as '2024-01-02T03:04:05Z'"))
                case .int(let seconds):
                    do throws(CELError) { return .timestamp(try CELTimestamp(seconds: seconds)) } catch { return .error(error) }
                default: return nil
                }
            },
            "duration": conversion("duration", from: [.string, .duration], to: .duration) { value in
                switch value {
                case .duration: return value
                case .string(let text):
                    do throws(CELError) {
                        guard let duration = try CELDuration(parsing: text) else {
                            return .error(CELError(.conversion, "duration(\(value.debugText)) needs a duration such as '1h30m', '1.5s' or '250ms'"))
                        }
                        return .duration(duration)
                    } catch {
                        return .error(error)
                    }
                default: return nil
                }
            },
        ]
        let accessors: [(String, @Sendable (LocalTime) -> Int64)] = [
            ("getFullYear", { $0.date.year }),
            ("getMonth", { $0.date.month - 1 }),
            ("getDate", { $0.date.day }),
            ("getDayOfMonth", { $0.date.day - 1 }),
            ("getDayOfWeek", { ($0.days % 7 + 11) % 7 }),
            ("getDayOfYear", { $0.date.dayOfYear }),
            ("getHours", { $0.secondOfDay / 3600 }),
            ("getMinutes", { $0.secondOfDay / 60 % 60 }),
            ("getSeconds", { $0.secondOfDay % 60 }),
            ("getMilliseconds", { Int64($0.nanos / 1_000_000) }),
        ]
        for (name, read) in accessors {
            functions[name] = timestampAccessor(name, read)
        }
        // Duration accessors give the whole duration in the unit, truncated toward zero, as cel-go does.
        let durationAccessors: [String: @Sendable (CELDuration) -> Int64] = [
            "getHours": { $0.nanoseconds / 3_600_000_000_000 },
            "getMinutes": { $0.nanoseconds / 60_000_000_000 },
            "getSeconds": { $0.nanoseconds / 1_000_000_000 },
            "getMilliseconds": { $0.nanoseconds / 1_000_000 },
        ]
        for (name, read) in durationAccessors {
            var function = functions[name]!
            let timestampUnary = function.unary!
            function.signatures.append(CELFunction.member([.duration], .int))
            function.unary = { value in
                if case .duration(let duration) = value { return .int(read(duration)) }
                return timestampUnary(value)
            }
            functions[name] = function
        }
        return functions
    }()

    /// A timestamp broken into calendar fields at some UTC offset.
    struct LocalTime {
        var days: Int64
        var date: CivilDate
        var secondOfDay: Int64
        var nanos: Int32

        init(_ timestamp: CELTimestamp, offset: Int64) {
            let (days, secondOfDay) = (timestamp.seconds + offset).floorDividedAndModulo(by: 86_400)
            self.days = days
            self.date = CivilDate(daysSinceEpoch: days)
            self.secondOfDay = secondOfDay
            self.nanos = timestamp.nanos
        }
    }

    private static func timestampAccessor(_ name: String, _ read: @escaping @Sendable (LocalTime) -> Int64) -> CELFunction {
        CELFunction(
            signatures: [CELFunction.member([.timestamp], .int), CELFunction.member([.timestamp, .string], .int)],
            unary: { value in
                guard case .timestamp(let timestamp) = value else { return CELValue.noSuchOverload(name, value) }
                return .int(read(LocalTime(timestamp, offset: 0)))
            },
            binary: { value, zone in
                guard case .timestamp(let timestamp) = value, case .string(let zoneName) = zone else {
                    return CELValue.noSuchOverload(name, value, zone)
                }
                guard let offset = utcOffset(zoneName, at: timestamp) else {
                    return .error(CELError(.invalidArgument, "unknown time zone '\(zoneName)'; use an IANA name such as 'Europe/Paris' or an offset such as '+02:00'"))
                }
                return .int(read(LocalTime(timestamp, offset: offset)))
            })
    }

    /// Seconds east of UTC for an IANA zone name or a `[+-]HH:MM` offset at `timestamp`.
    static func utcOffset(_ zone: String, at timestamp: CELTimestamp) -> Int64? {
        var scanner = DigitScanner(zone)
        var sign: Int64 = 1
        if scanner.skip("-") { sign = -1 } else { _ = scanner.skip("+") }
        if let hours = scanner.number(digits: 2), scanner.skip(":"), let minutes = scanner.number(digits: 2), scanner.isAtEnd,
            hours < 24, minutes < 60
        {
            return sign * (hours * 3600 + minutes * 60)
        }
        let isZoneName = zone.count <= 64 && !zone.contains("..")
            && zone.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789_+-/".unicodeScalars.contains($0)) }
        guard isZoneName, let timeZone = TimeZone(identifier: zone) else { return nil }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(timestamp.seconds))))
    }
}
