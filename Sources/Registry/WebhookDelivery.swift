import JSON

/// One attempt to deliver one event to a webhook.
public struct WebhookDelivery: Sendable, Hashable {
    public var sequence: Int64
    /// 1 for the first try of this event, then 2, 3, …
    public var attempt: Int
    public var at: String
    /// The receiver's HTTP status; nil when no answer came.
    public var statusCode: Int?
    /// Why the attempt failed (connection refused, timeout, a refused address); nil on success.
    public var error: String?
    public var durationMilliseconds: Int

    public init(sequence: Int64, attempt: Int, at: String, statusCode: Int?, error: String?, durationMilliseconds: Int) {
        self.sequence = sequence
        self.attempt = attempt
        self.at = at
        self.statusCode = statusCode
        self.error = error
        self.durationMilliseconds = durationMilliseconds
    }

    /// A 2xx answer.
    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }

    public var json: JSONValue {
        ["sequence": .string(String(sequence)), "attempt": .integer(Int64(attempt)), "at": .string(at),
         "statusCode": statusCode.map { .integer(Int64($0)) } ?? .null, "error": error.map(JSONValue.string) ?? .null,
         "durationMs": .integer(Int64(durationMilliseconds)), "succeeded": .bool(succeeded)]
    }
}
