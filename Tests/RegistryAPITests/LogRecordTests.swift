import Testing
@testable import RegistryAPI

/// The access log's plain line: fields in a fixed order, the duration in milliseconds written as
/// the rounded `Double` would describe itself, so log readers see the format they always saw.
@Suite struct LogRecordTests {
    private static func record(seconds: Double, principal: String? = nil, failure: String? = nil) -> RegistryAPI.LogRecord {
        RegistryAPI.LogRecord(requestID: "5f0c9a1e-1b", method: "GET", route: "/api/v1/products/{id}", status: 200, seconds: seconds,
                              principal: principal, failure: failure)
    }

    @Test(arguments: [0.0, 0.000_004_9, 0.000_005, 0.000_01, 0.001_23, 0.012_5, 0.1, 0.25, 1.5, 12.345_6, 99.999_999, 3600.0])
    func theDurationReadsAsTheRoundedDoubleDescribesItself(seconds: Double) {
        let milliseconds = (seconds * 1000 * 100).rounded() / 100
        #expect(Self.record(seconds: seconds).line(time: "2026-01-01T00:00:00.000Z", json: false)
            == "2026-01-01T00:00:00.000Z GET /api/v1/products/{id} 200 \(milliseconds)ms - 5f0c9a1e-1b\n")
    }

    @Test func randomDurationsReadAsTheRoundedDoubleDescribesItself() {
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<5000 {
            let seconds = Double.random(in: 0..<120, using: &generator) / Double([1, 10, 1000, 100_000].randomElement(using: &generator)!)
            var line: [UInt8] = []
            RegistryAPI.LogRecord.appendDuration((seconds * 1000 * 100).rounded() / 100, to: &line)
            #expect(String(decoding: line, as: UTF8.self) == ((seconds * 1000 * 100).rounded() / 100).description, "\(seconds) s")
            compared += 1
        }
        #expect(compared == 5000)
    }

    @Test func statusesAreWrittenAsDecimals() {
        for status in [0, 7, 200, 404, 503, -1] {
            var record = Self.record(seconds: 0.001)
            record.status = status
            #expect(record.line(time: "t", json: false) == "t GET /api/v1/products/{id} \(status) 1.0ms - 5f0c9a1e-1b\n")
        }
    }

    @Test func principalAndAMultiLineFailureStayOnOneLine() {
        let line = Self.record(seconds: 0.002, principal: "user:david.kim", failure: "disk I/O error\nat page 7")
            .line(time: "2026-01-01T00:00:00.000Z", json: false)
        #expect(line == "2026-01-01T00:00:00.000Z GET /api/v1/products/{id} 200 2.0ms user:david.kim 5f0c9a1e-1b failed: disk I/O error at page 7\n")
    }
}
