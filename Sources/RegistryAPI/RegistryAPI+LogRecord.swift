import HTTPProtocol
import JSON

extension RegistryAPI {
    /// One finished request, for the access log: the route template, never the raw path.
    public struct LogRecord: Sendable {
        public var requestID: String
        public var method: String
        public var route: String
        public var status: Int
        public var seconds: Double
        public var principal: String?
        /// Why the server failed the request (a 500, or readiness it could not check): the cause
        /// the client is not told, under the `requestID` it is told.
        public var failure: String?

        /// The access-log line, ending in a newline: `time method route status duration principal id`
        /// and the failure, or the same fields as one JSON object.
        public func line(time: String, json: Bool) -> String {
            var bytes: [UInt8] = []
            append(to: &bytes, time: time, json: json)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Appends `line(time:json:)`'s UTF-8 to `bytes`. The writer thread formats every request's
        /// line into one buffer as bytes: appending to a `String` checks what each piece holds.
        public func append(to bytes: inout [UInt8], time: String, json: Bool) {
            let milliseconds = (seconds * 1000 * 100).rounded() / 100
            if json {
                var object: JSONObject = ["time": .string(time), "requestId": .string(requestID), "method": .string(method), "route": .string(route),
                                          "status": .integer(Int64(status)), "durationMs": .double(milliseconds),
                                          "principal": principal.map(JSONValue.string) ?? .null]
                if let failure { object["failure"] = .string(failure) }
                JSONValue.object(object).write(to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
                return
            }
            bytes.appendUTF8(time)
            bytes.append(UInt8(ascii: " "))
            bytes.appendUTF8(method)
            bytes.append(UInt8(ascii: " "))
            bytes.appendUTF8(route)
            bytes.append(UInt8(ascii: " "))
            bytes.appendDecimal(status)
            bytes.append(UInt8(ascii: " "))
            Self.appendDuration(milliseconds, to: &bytes)
            bytes.appendUTF8("ms ")
            bytes.appendUTF8(principal ?? "-")
            bytes.append(UInt8(ascii: " "))
            bytes.appendUTF8(requestID)
            if let failure {
                // A multi-line cause stays on the request's one line.
                bytes.appendUTF8(" failed: ")
                bytes.append(contentsOf: String(failure.map { $0.isNewline ? " " : $0 }).utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }

        /// Milliseconds rounded to hundredths as `Double.description` writes them (`0.05`, `1.5`,
        /// `12.0`), from two integers, where `Double.description` searches for the shortest digits.
        static func appendDuration(_ milliseconds: Double, to bytes: inout [UInt8]) {
            guard milliseconds >= 0, milliseconds < 1e12 else {
                bytes.append(contentsOf: milliseconds.description.utf8)
                return
            }
            let hundredths = Int((milliseconds * 100).rounded())
            let fraction = hundredths % 100
            bytes.appendDecimal(hundredths / 100)
            bytes.append(UInt8(ascii: "."))
            if fraction < 10 && fraction > 0 { bytes.append(UInt8(ascii: "0")) }
            bytes.appendDecimal(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
    }
}
