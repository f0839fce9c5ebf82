import JSON

/// A consumer team's request to read a product's output port, and the grant it becomes
/// (docs/ARCHITECTURE.md, "Access requests").
public struct AccessRequest: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, approved, rejected, revoked
        /// An approved grant past its expiry: it no longer counts.
        case expired
    }

    public var id: String
    public var product: String
    public var port: String
    public var portVersion: String
    public var team: String
    public var purpose: String
    public var requestedBy: String
    public var requestedAt: String
    public var expiresAt: String?
    /// The effective status: `expired` replaces `approved` once `expiresAt` has passed.
    public var status: Status
    public var decidedBy: String?
    public var decidedAt: String?
    public var note: String?

    /// True for an approved grant that has not expired.
    public var isActiveGrant: Bool { status == .approved }

    public var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "product": .string(product), "port": .string(port), "portVersion": .string(portVersion),
            "team": .string(team), "purpose": .string(purpose), "requestedBy": .string(requestedBy),
            "requestedAt": .string(requestedAt), "status": .string(status.rawValue),
        ]
        object["expiresAt"] = expiresAt.map(JSONValue.string) ?? .null
        object["decidedBy"] = decidedBy.map(JSONValue.string) ?? .null
        object["decidedAt"] = decidedAt.map(JSONValue.string) ?? .null
        object["note"] = note.map(JSONValue.string) ?? .null
        return .object(object)
    }
}

/// What a consumer asks for: a port of a product, for a team, with a purpose.
public struct AccessRequestSubmission: Sendable, Hashable {
    public var product: String
    public var port: String
    /// The port's version; nil for the highest published version of that port.
    public var portVersion: String?
    public var team: String
    public var purpose: String
    /// When the grant ends: `YYYY-MM-DD` or RFC 3339; nil for no end.
    public var expires: String?

    public init(product: String, port: String, portVersion: String? = nil, team: String, purpose: String, expires: String? = nil) {
        self.product = product
        self.port = port
        self.portVersion = portVersion
        self.team = team
        self.purpose = purpose
        self.expires = expires
    }
}
