import Synchronization

/// Names each request for the log and the `X-Request-Id` header: a random prefix drawn once per
/// API instance, then a counter, so ids are unique within a process and unlikely to repeat across
/// restarts, at the cost of one atomic increment per request.
final class RequestIdentifiers: Sendable {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    /// Eight hex digits and the dash.
    private let prefix: [UInt8]
    private let counter = Atomic<UInt64>(0)

    init() {
        prefix = Self.hex(UInt64(UInt32.random(in: .min ... .max)), digits: 8) + [UInt8(ascii: "-")]
    }

    /// The next id, e.g. `5f0c9a1e-1b`: written byte by byte, so it stays a small string
    /// (no allocation) for the first 16 million requests.
    func next() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let digits = max(1, (UInt64.bitWidth - number.leadingZeroBitCount + 3) / 4)
        return String(unsafeUninitializedCapacity: prefix.count + digits) { text in
            _ = text.initialize(fromContentsOf: prefix)
            Self.write(number, into: UnsafeMutableBufferPointer(rebasing: text[prefix.count..<prefix.count + digits]))
            return prefix.count + digits
        }
    }

    private static func hex(_ value: UInt64, digits: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: digits) { text, count in
            write(value, into: UnsafeMutableBufferPointer(rebasing: text[0..<digits]))
            count = digits
        }
    }

    /// Fills `text` with the low hex digits of `value`, zero-padded.
    private static func write(_ value: UInt64, into text: UnsafeMutableBufferPointer<UInt8>) {
        var rest = value
        for index in text.indices.reversed() {
            text[index] = hexDigits[Int(rest & 0xF)]
            rest >>= 4
        }
    }
}
