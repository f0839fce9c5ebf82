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
            let milliseconds = (seconds * 1000 * 100).rounded() / 100
            if json {
                var object: JSONObject = ["time": .string(time), "requestId": .string(requestID), "method": .string(method), "route": .string(route),
                                          "status": .integer(Int64(status)), "durationMs": .double(milliseconds),
                                          "principal": principal.map(JSONValue.string) ?? .null]
                if let failure { object["failure"] = .string(failure) }
                return JSONValue.object(object).encoded() + "\n"
            }
            // Appended piece by piece into one reserved string: the writer thread formats every request's line.
            var line = ""
            line.reserveCapacity(time.utf8.count + method.utf8.count + route.utf8.count + requestID.utf8.count + (principal?.utf8.count ?? 1) + 32)
            line += time
            line += " "
            line += method
            line += " "
            line += route
            line += " "
            line += String(status)
            line += " "
            Self.appendDuration(milliseconds, to: &line)
            line += "ms "
            line += principal ?? "-"
            line += " "
            line += requestID
            // A multi-line cause stays on the request's one line.
            if let failure { line += " failed: " + String(failure.map { $0.isNewline ? " " : $0 }) }
            line += "\n"
            return line
        }

        /// Milliseconds rounded to hundredths as `Double.description` writes them (`0.05`, `1.5`,
        /// `12.0`), from two integers, where `Double.description` searches for the shortest digits.
        static func appendDuration(_ milliseconds: Double, to line: inout String) {
            guard milliseconds >= 0, milliseconds < 1e12 else {
                line += milliseconds.description
                return
            }
            let hundredths = Int((milliseconds * 100).rounded())
            let fraction = hundredths % 100
            line += String(hundredths / 100)
            line += fraction == 0 ? ".0" : fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
    }
}
