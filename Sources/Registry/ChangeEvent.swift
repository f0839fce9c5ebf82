import JSON

/// One committed change from the change log (docs/ARCHITECTURE.md, "Change events"): its place
/// in commit order, what changed and who did it.
public struct ChangeEvent: Sendable, Hashable {
    /// Strictly increasing in commit order; a reader that has seen N never later finds a new event below N.
    public var sequence: Int64
    /// The short type, `<entity>.<action>` (`product.registered`); `cloudEventType` adds the prefix and version.
    public var type: String
    /// The changed entity's id: a product id, `contractId@version`, a domain, subject or request id.
    public var subject: String
    public var domain: String?
    public var team: String?
    /// When the change committed, ISO-8601 UTC with milliseconds.
    public var time: String
    /// The entity's id, revision or version, domain, team, actor and what changed; never secrets.
    public var data: JSONValue

    public init(sequence: Int64, type: String, subject: String, domain: String?, team: String?, time: String, data: JSONValue) {
        self.sequence = sequence
        self.type = type
        self.subject = subject
        self.domain = domain
        self.team = team
        self.time = time
        self.data = data
    }

    /// `io.meshreg.<entity>.<action>.v1`.
    public var cloudEventType: String { Self.cloudEventType(type) }

    public static func cloudEventType(_ type: String) -> String { "io.meshreg.\(type).v1" }

    /// The short type of `io.meshreg.<entity>.<action>.v1`, or the text itself when it is already short.
    public static func shortType(_ text: String) -> String {
        guard text.hasPrefix("io.meshreg."), text.hasSuffix(".v1") else { return text }
        return String(text.dropFirst("io.meshreg.".count).dropLast(".v1".count))
    }

    /// The event in CloudEvents 1.0 JSON format (structured mode), with the `sequence` extension
    /// as a decimal string. `registryID` names the source, `/meshreg/<registry id>`.
    public func cloudEvent(registryID: String) -> JSONValue {
        [
            "specversion": "1.0",
            "id": .string("\(registryID)-\(sequence)"),
            "source": .string("/meshreg/\(registryID)"),
            "type": .string(cloudEventType),
            "subject": .string(subject),
            "time": .string(time),
            "datacontenttype": "application/json",
            "sequence": .string(String(sequence)),
            "data": data,
        ]
    }
}
