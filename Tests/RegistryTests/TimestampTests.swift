import Foundation
import Registry
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_795_608_240.123, "2026-11-25T12:04:00.123Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
        (951_782_400.0, "2000-02-29T00:00:00.000Z"),
    ])
    func formatsUTCWithMilliseconds(seconds: Double, expected: String) {
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }
}
