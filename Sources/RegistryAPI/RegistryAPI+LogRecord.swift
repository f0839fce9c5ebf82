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
            let fields = "\(time) \(method) \(route) \(status) \(milliseconds)ms \(principal ?? "-") \(requestID)"
            // A multi-line cause stays on the request's one line.
            return fields + (failure.map { " failed: " + String($0.map { $0.isNewline ? " " : $0 }) } ?? "") + "\n"
        }
    }
}
